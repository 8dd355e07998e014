package io.ticketchat.bench;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyStatsTest {

    @Test
    void percentilesAreInMillisecondsWithinHistogramPrecision() {
        LatencyStats stats = new LatencyStats();
        IntStream.rangeClosed(1, 100).forEach(ms -> stats.recordNanos(TimeUnit.MILLISECONDS.toNanos(ms)));

        LatencyStats.Summary summary = stats.snapshot();

        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50Millis()).isCloseTo(50, within(0.1));
        assertThat(summary.p99Millis()).isCloseTo(99, within(0.1));
        assertThat(summary.maxMillis()).isCloseTo(100, within(0.1));
    }

    @Test
    void snapshotsAccumulateEverythingRecordedSoFar() {
        LatencyStats stats = new LatencyStats();
        stats.recordNanos(TimeUnit.MILLISECONDS.toNanos(1));
        stats.snapshot();
        stats.recordNanos(TimeUnit.MILLISECONDS.toNanos(3));

        assertThat(stats.snapshot().count()).isEqualTo(2);
    }

    @Test
    void outOfRangeValuesAreClampedInsteadOfThrown() {
        LatencyStats stats = new LatencyStats();
        stats.recordNanos(-5);
        stats.recordNanos(TimeUnit.HOURS.toNanos(2));

        LatencyStats.Summary summary = stats.snapshot();

        assertThat(summary.count()).isEqualTo(2);
        assertThat(summary.maxMillis()).isCloseTo(60_000, within(60.0));
    }

    @Test
    void anEmptyRecordingSummarisesToZeros() {
        assertThat(new LatencyStats().snapshot()).isEqualTo(new LatencyStats.Summary(0, 0, 0, 0, 0));
    }
}
