package io.ticketchat.domain.event;

import io.ticketchat.domain.MessageId;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.TicketId;

import java.time.Instant;
import java.util.Objects;

/** A reader marked every message of the other side up to {@code upToMessageId} as read. */
public record MessagesRead(TicketId ticketId, ParticipantType readerType, MessageId upToMessageId, Instant readAt)
        implements ChatEvent {

    public MessagesRead {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(readerType, "readerType");
        Objects.requireNonNull(upToMessageId, "upToMessageId");
        Objects.requireNonNull(readAt, "readAt");
    }

    @Override
    public Instant occurredAt() {
        return readAt;
    }
}
