package io.ticketchat.domain.event;

import io.ticketchat.domain.Message;
import io.ticketchat.domain.MessageId;
import io.ticketchat.domain.TicketId;

import java.time.Instant;
import java.util.Objects;

/**
 * A message was stored.
 *
 * @param previousMessageId the ticket's latest message before this one, or {@code null} if it is the
 *                          first; lets a room tell a gap in delivery from a normal successor
 */
public record MessagePosted(Message message, MessageId previousMessageId) implements ChatEvent {

    public MessagePosted {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public TicketId ticketId() {
        return message.ticketId();
    }

    @Override
    public Instant occurredAt() {
        return message.createdAt();
    }
}
