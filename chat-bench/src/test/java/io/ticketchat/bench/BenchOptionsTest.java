package io.ticketchat.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTest {

    @Test
    void theFullRunWarmsTheReadsUpBeyondTheJitsThresholdsAndRunsEveryPhase() {
        BenchOptions full = BenchOptions.parse("--full", "--jar=chat.jar");

        assertThat(full.readsOnly()).isFalse();
        assertThat(full.probeWarmup()).isEqualTo(10_000);
        assertThat(full.probeCount()).isEqualTo(5_000);
        assertThat(full.seedRows()).isGreaterThanOrEqualTo(1_000_000);
    }

    @Test
    void onlyReadsIsTheOnePhaseThatRunsAlone() {
        assertThat(BenchOptions.parse("--full", "--only=reads", "--jar=chat.jar").readsOnly()).isTrue();
        assertThatThrownBy(() -> BenchOptions.parse("--only=ladder", "--jar=chat.jar"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reads");
    }
}
