package io.ticketchat.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TypingTest {

    private static final Instant T0 = Instant.parse("2024-01-15T10:30:00.000Z");
    private final Typing typing = Typing.start(TicketId.of(1), ParticipantType.AGENT, UserId.of(1), DisplayName.of("Agent Smith"), T0);

    @Test
    void typingExpiresEightSecondsAfterTheLastSignal() {
        assertThat(Typing.TTL).isEqualTo(Duration.ofSeconds(8));
        assertThat(typing.isExpiredAt(T0.plusMillis(7_999))).isFalse();
        assertThat(typing.isExpiredAt(T0.plusSeconds(8))).isTrue();
    }

    @Test
    void aRefreshExtendsTheSpellButKeepsItsStart() {
        Typing refreshed = typing.refresh(T0.plusSeconds(5));
        assertThat(refreshed.startedAt()).isEqualTo(T0);
        assertThat(refreshed.expiresAt()).isEqualTo(T0.plusSeconds(13));
        assertThat(refreshed.isExpiredAt(T0.plusSeconds(10))).isFalse();
    }
}
