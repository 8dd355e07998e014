package io.ticketchat.domain.event;

import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.UserId;

import java.time.Instant;
import java.util.Objects;

/** Someone stopped typing: they said so, sent their message, left, or their typing expired. */
public record TypingStopped(TicketId ticketId, ParticipantType type, UserId userId, Reason reason, Instant occurredAt)
        implements ChatEvent {

    public enum Reason { STOPPED, EXPIRED, LEFT }

    public TypingStopped {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
