package io.ticketchat.domain.event;

import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.UserId;

import java.time.Instant;
import java.util.Objects;

/** Someone left the ticket's room. */
public record ParticipantLeft(TicketId ticketId, ParticipantType type, UserId userId, Instant occurredAt)
        implements ChatEvent {

    public ParticipantLeft {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
