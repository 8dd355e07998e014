package io.ticketchat.domain.event;

import io.ticketchat.domain.Participant;
import io.ticketchat.domain.TicketId;

import java.time.Instant;
import java.util.Objects;

/** Someone joined the ticket's chat session. */
public record ParticipantJoined(TicketId ticketId, Participant participant) implements ChatEvent {

    public ParticipantJoined {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(participant, "participant");
    }

    @Override
    public Instant occurredAt() {
        return participant.joinedAt();
    }
}
