package io.ticketchat.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored message of a ticket's conversation.
 *
 * @param readAt          when the other side read it, or {@code null} while unread
 * @param editedAt        when it was last edited, or {@code null} if never
 * @param parentId        the message this one replies to, or {@code null}
 * @param clientMessageId the sender's idempotency key, or {@code null} if none was given
 */
public record Message(
        MessageId id,
        TicketId ticketId,
        Sender sender,
        MessageText text,
        MessageType type,
        Instant readAt,
        Instant editedAt,
        MessageId parentId,
        ClientMessageId clientMessageId,
        Instant createdAt,
        Instant updatedAt) {

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public boolean isRead() {
        return readAt != null;
    }

    public boolean isEdited() {
        return editedAt != null;
    }

    public Optional<ClientMessageId> clientMessageIdIfAny() {
        return Optional.ofNullable(clientMessageId);
    }

    /** A message is unread for a reader when someone else's side wrote it and nobody marked it read. */
    public boolean isUnreadFor(ParticipantType reader) {
        return !isRead() && sender.type() != reader.asSenderType();
    }
}
