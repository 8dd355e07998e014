package io.ticketchat.application.port.out;

import io.ticketchat.application.port.in.MessagePageRequest;
import io.ticketchat.domain.ClientMessageId;
import io.ticketchat.domain.Message;
import io.ticketchat.domain.MessageId;
import io.ticketchat.domain.NewMessage;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.Sender;
import io.ticketchat.domain.TicketId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The messages of every ticket.
 *
 * <p>Ordering promise: within one ticket, a message that becomes visible to readers always has a
 * larger id than every message of that ticket visible before it. A reader paging forward with
 * {@code afterId} therefore never skips a message that commits later.
 */
public interface MessageRepository {

    /**
     * Stores a message, or returns the one the same sender already stored on the same ticket under
     * the same {@code clientMessageId} (also when such appends race).
     */
    Appended append(NewMessage message);

    /**
     * Stores several messages, possibly of several tickets, as if {@link #append} were called for each
     * in turn, and returns their outcomes in the same order. A store may do this with fewer round trips
     * than one append after the other; the messages are stored together or not at all.
     */
    default List<Appended> appendAll(List<NewMessage> messages) {
        return messages.stream().map(this::append).toList();
    }

    /** Oldest first, at most {@code page.limit() + 1} so callers can tell whether more exist. */
    List<Message> page(TicketId ticketId, MessagePageRequest page);

    Optional<Message> findById(TicketId ticketId, MessageId messageId);

    Optional<Message> findByClientMessageId(TicketId ticketId, Sender sender, ClientMessageId clientMessageId);

    Optional<MessageId> latestId(TicketId ticketId);

    /** Marks every unread message on the ticket not written by the reader's side. */
    ReadMark markRead(TicketId ticketId, ParticipantType reader, Instant readAt);

    long countUnread(TicketId ticketId, ParticipantType reader);

    /**
     * @param created           false when an idempotent repeat found the original
     * @param previousMessageId the ticket's newest message before this one was stored, or
     *                          {@code null}; meaningful only when {@code created}
     */
    record Appended(Message message, boolean created, MessageId previousMessageId) {
    }

    /** @param upToMessageId newest message marked, or {@code null} when nothing was unread */
    record ReadMark(int markedCount, MessageId upToMessageId) {
    }
}
