package io.ticketchat.domain;

import java.time.Instant;
import java.util.Objects;

/** A message about to be stored: everything but the id the store assigns. */
public record NewMessage(
        TicketId ticketId,
        Sender sender,
        MessageText text,
        MessageType type,
        MessageId parentId,
        ClientMessageId clientMessageId,
        Instant createdAt) {

    public NewMessage {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(createdAt, "createdAt");
        if (sender.type() == SenderType.SYSTEM && type == MessageType.TEXT) {
            throw new DomainValidationException("messageType", "system senders write system or status messages");
        }
        if (sender.type() != SenderType.SYSTEM && type == MessageType.SYSTEM) {
            throw new DomainValidationException("messageType", "only the system writes system messages");
        }
    }

    /** The stored form, once the store has given it an id. */
    public Message stored(MessageId id) {
        return new Message(id, ticketId, sender, text, type, null, null, parentId, clientMessageId, createdAt, createdAt);
    }
}
