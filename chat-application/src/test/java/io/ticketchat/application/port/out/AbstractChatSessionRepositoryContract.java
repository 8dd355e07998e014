package io.ticketchat.application.port.out;

import io.ticketchat.domain.ChatSession;
import io.ticketchat.domain.ChatSessionStatus;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.SessionId;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ChatSessionRepository} must do. */
public abstract class AbstractChatSessionRepositoryContract {

    protected static final Instant T0 = Instant.parse("2024-01-15T10:30:00.123Z");

    protected abstract ChatSessionRepository repository();

    protected abstract TicketId newTicket();

    @Test
    void aStoredSessionIsFoundByItsIdAndAsTheTicketsOpenSession() {
        TicketId ticket = newTicket();
        ChatSession opened = ChatSession.open(ticket, T0);

        assertThat(repository().insertUnlessOpen(opened)).isEmpty();

        assertThat(repository().findBySessionId(opened.sessionId())).contains(opened);
        assertThat(repository().findOpenByTicket(ticket)).contains(opened);
        assertThat(repository().findOpenByTicket(newTicket())).isEmpty();
        assertThat(repository().findBySessionId(SessionId.of("session_0_0"))).isEmpty();
    }

    @Test
    void aTicketHasAtMostOneOpenSession() {
        TicketId ticket = newTicket();
        ChatSession first = ChatSession.open(ticket, T0);
        repository().insertUnlessOpen(first);

        assertThat(repository().insertUnlessOpen(ChatSession.open(ticket, T0.plusMillis(5)))).contains(first);
        assertThat(repository().findBySessionId(ChatSession.open(ticket, T0.plusMillis(5)).sessionId())).isEmpty();
    }

    @Test
    void aCandidateOpenedInTheSameMillisecondFindsTheOpenSession() {
        TicketId ticket = newTicket();
        ChatSession first = ChatSession.open(ticket, T0);
        repository().insertUnlessOpen(first);
        ChatSession joined = first.join(ParticipantType.CUSTOMER, UserId.of(3), T0);
        repository().update(joined);

        assertThat(repository().insertUnlessOpen(ChatSession.open(ticket, T0))).contains(joined);
    }

    @Test
    void updatesKeepTheLifecycleAndTheParticipantsOfASession() {
        TicketId ticket = newTicket();
        ChatSession opened = ChatSession.open(ticket, T0);
        repository().insertUnlessOpen(opened);
        ChatSession joined = opened.join(ParticipantType.AGENT, UserId.of(7), T0.plusSeconds(1))
                .join(ParticipantType.CUSTOMER, UserId.of(9), T0.plusSeconds(2));
        repository().update(joined);
        assertThat(repository().findBySessionId(opened.sessionId())).contains(joined);

        ChatSession paused = joined.pause(T0.plusSeconds(3));
        repository().update(paused);
        assertThat(repository().findOpenByTicket(ticket)).contains(paused);

        ChatSession closed = paused.close(T0.plusSeconds(4));
        repository().update(closed);
        ChatSession reloaded = repository().findBySessionId(opened.sessionId()).orElseThrow();
        assertThat(reloaded.status()).isEqualTo(ChatSessionStatus.CLOSED);
        assertThat(reloaded.endedAt()).isEqualTo(T0.plusSeconds(4));
        assertThat(reloaded.agentId()).isEqualTo(UserId.of(7));
        assertThat(reloaded.customerId()).isEqualTo(UserId.of(9));
        assertThat(repository().findOpenByTicket(ticket)).isEmpty();
    }

    @Test
    void aClosedSessionMakesRoomForANewOne() {
        TicketId ticket = newTicket();
        ChatSession first = ChatSession.open(ticket, T0);
        repository().insertUnlessOpen(first);
        repository().update(first.close(T0.plusSeconds(1)));

        ChatSession next = ChatSession.open(ticket, T0.plusSeconds(2));
        assertThat(repository().insertUnlessOpen(next)).isEmpty();
        assertThat(repository().findOpenByTicket(ticket)).contains(next);
    }
}
