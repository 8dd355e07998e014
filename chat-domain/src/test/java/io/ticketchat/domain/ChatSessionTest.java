package io.ticketchat.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChatSessionTest {

    private static final Instant T0 = Instant.parse("2024-01-15T10:30:00.000Z");
    private final ChatSession opened = ChatSession.open(TicketId.of(1), T0);

    @Test
    void aSessionOpensActiveWithTheGuidesId() {
        assertThat(opened.status()).isEqualTo(ChatSessionStatus.ACTIVE);
        assertThat(opened.sessionId().value()).isEqualTo("session_1_" + T0.toEpochMilli());
        assertThat(opened.startedAt()).isEqualTo(T0);
        assertThat(opened.endedAt()).isNull();
    }

    @Test
    void theFirstAgentAndTheFirstCustomerToJoinAreTheSessionsOwn() {
        ChatSession joined = opened.join(ParticipantType.CUSTOMER, UserId.of(9), T0.plusSeconds(1))
                .join(ParticipantType.AGENT, UserId.of(3), T0.plusSeconds(2))
                .join(ParticipantType.AGENT, UserId.of(4), T0.plusSeconds(3));
        assertThat(joined.customerId()).isEqualTo(UserId.of(9));
        assertThat(joined.agentId()).isEqualTo(UserId.of(3));
        assertThat(joined.lastActivityAt()).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void activeAndPausedAlternateAndJoiningResumesAPausedSession() {
        ChatSession paused = opened.pause(T0.plusSeconds(1));
        assertThat(paused.status()).isEqualTo(ChatSessionStatus.PAUSED);
        assertThat(paused.isOpen()).isTrue();
        assertThat(paused.resume(T0.plusSeconds(2)).status()).isEqualTo(ChatSessionStatus.ACTIVE);
        assertThat(paused.join(ParticipantType.CUSTOMER, UserId.of(2), T0.plusSeconds(3)).status()).isEqualTo(ChatSessionStatus.ACTIVE);
        assertThatThrownBy(() -> opened.resume(T0)).isInstanceOf(IllegalSessionTransitionException.class);
        assertThatThrownBy(() -> paused.pause(T0)).isInstanceOf(IllegalSessionTransitionException.class);
    }

    @Test
    void closedIsFinal() {
        ChatSession closed = opened.close(T0.plusSeconds(5));
        assertThat(closed.status()).isEqualTo(ChatSessionStatus.CLOSED);
        assertThat(closed.endedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(closed.isOpen()).isFalse();
        assertThatThrownBy(() -> closed.resume(T0)).isInstanceOf(IllegalSessionTransitionException.class)
                .hasMessageContaining("from closed to active");
        assertThatThrownBy(() -> closed.close(T0)).isInstanceOf(IllegalSessionTransitionException.class);
        assertThatThrownBy(() -> closed.join(ParticipantType.AGENT, UserId.of(1), T0)).isInstanceOf(IllegalSessionTransitionException.class);
        assertThatThrownBy(() -> closed.touch(T0)).isInstanceOf(IllegalSessionTransitionException.class);
        assertThat(opened.pause(T0).close(T0.plusSeconds(1)).status()).isEqualTo(ChatSessionStatus.CLOSED);
    }

    @Test
    void anEndTimeGoesWithClosedAndOnlyWithClosed() {
        assertThatThrownBy(() -> new ChatSession(opened.sessionId(), opened.ticketId(), null, null, ChatSessionStatus.ACTIVE,
                T0, T0, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChatSession(opened.sessionId(), opened.ticketId(), null, null, ChatSessionStatus.CLOSED,
                T0, null, T0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void participantsLeaveOnce() {
        Participant customer = Participant.joining(opened.sessionId(), UserId.of(2), ParticipantType.CUSTOMER, DisplayName.of("John"), T0);
        Participant gone = customer.leave(T0.plusSeconds(1));
        assertThat(customer.isPresent()).isTrue();
        assertThat(gone.isPresent()).isFalse();
        assertThat(gone.leave(T0.plusSeconds(9)).leftAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(gone.is(ParticipantType.CUSTOMER, UserId.of(2))).isTrue();
        assertThat(gone.is(ParticipantType.AGENT, UserId.of(2))).isFalse();
    }
}
