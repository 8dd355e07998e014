package io.ticketchat.application.port.out;

import io.ticketchat.domain.ChatSession;
import io.ticketchat.domain.DisplayName;
import io.ticketchat.domain.Participant;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.SessionId;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ChatParticipantRepository} must do. */
public abstract class AbstractChatParticipantRepositoryContract {

    protected static final Instant T0 = Instant.parse("2024-01-15T10:30:00.123Z");

    protected abstract ChatParticipantRepository repository();

    /** A chat session that exists in the store (participants belong to one). */
    protected abstract SessionId newSession();

    protected Participant participant(SessionId session, ParticipantType type, long userId, String name, Instant at) {
        return Participant.joining(session, UserId.of(userId), type, DisplayName.of(name), at);
    }

    @Test
    void presentParticipantsAreFoundInJoiningOrder() {
        SessionId session = newSession();
        Participant agent = participant(session, ParticipantType.AGENT, 1, "Agent Smith", T0);
        Participant customer = participant(session, ParticipantType.CUSTOMER, 2, "John Doe 😀", T0.plusSeconds(1));
        repository().insert(agent);
        repository().insert(customer);

        assertThat(repository().findPresent(session)).containsExactly(agent, customer);
        assertThat(repository().findPresent(session, ParticipantType.CUSTOMER, UserId.of(2))).contains(customer);
        assertThat(repository().findPresent(session, ParticipantType.AGENT, UserId.of(2))).isEmpty();
        assertThat(repository().findPresent(newSession())).isEmpty();
    }

    @Test
    void someoneWhoLeftIsNoLongerPresentAndMayJoinAgain() {
        SessionId session = newSession();
        repository().insert(participant(session, ParticipantType.CUSTOMER, 2, "John Doe", T0));

        repository().markLeft(session, ParticipantType.CUSTOMER, UserId.of(2), T0.plusSeconds(5));
        assertThat(repository().findPresent(session, ParticipantType.CUSTOMER, UserId.of(2))).isEmpty();
        repository().markLeft(session, ParticipantType.CUSTOMER, UserId.of(2), T0.plusSeconds(6));

        Participant back = participant(session, ParticipantType.CUSTOMER, 2, "John Doe", T0.plusSeconds(10));
        repository().insert(back);
        assertThat(repository().findPresent(session)).containsExactly(back);
    }

    /** Helper for subclasses whose sessions need a stored ticket. */
    protected static ChatSession sessionFor(TicketId ticket, Instant at) {
        return ChatSession.open(ticket, at);
    }
}
