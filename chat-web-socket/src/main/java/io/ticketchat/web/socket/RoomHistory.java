package io.ticketchat.web.socket;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.port.in.ListMessagesQuery;
import io.ticketchat.application.port.in.ListMessagesUseCase;
import io.ticketchat.application.port.in.MessagePage;
import io.ticketchat.application.port.in.MessagePageRequest;
import io.ticketchat.domain.Message;
import io.ticketchat.domain.MessageId;
import io.ticketchat.domain.TicketId;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads what a member has not been sent yet, always through the use case and as that member's
 * caller, so every replayed message passes the same access check as a REST read.
 *
 * <p>A cursor of 0 means "nothing sent yet". The page request cannot say "after nothing", so that
 * case pages backwards from the newest message instead; it only happens for a client that resumes
 * with {@code lastMessageId: 0} or joined a ticket that was empty.
 */
final class RoomHistory {

    private final ListMessagesUseCase messages;
    private final int pageSize;

    RoomHistory(ListMessagesUseCase messages, int pageSize) {
        this.messages = messages;
        this.pageSize = pageSize;
    }

    /** The next page after the cursor, oldest first. */
    MessagePage after(Caller caller, TicketId ticketId, long cursor) {
        if (cursor == 0) {
            List<Message> all = fromStart(caller, ticketId, null);
            return new MessagePage(null, all, false);
        }
        return read(caller, ticketId, MessagePageRequest.after(MessageId.of(cursor), pageSize));
    }

    /** Every message after the cursor and before {@code below}, oldest first: the gap before a live event. */
    List<Message> between(Caller caller, TicketId ticketId, long cursor, MessageId below) {
        if (cursor == 0) {
            return fromStart(caller, ticketId, below);
        }
        List<Message> found = new ArrayList<>();
        MessageId after = MessageId.of(cursor);
        while (true) {
            MessagePage page = read(caller, ticketId, new MessagePageRequest(below, after, pageSize));
            found.addAll(page.messages());
            if (!page.hasMore() || page.messages().isEmpty()) {
                return found;
            }
            after = page.messages().getLast().id();
        }
    }

    private List<Message> fromStart(Caller caller, TicketId ticketId, MessageId below) {
        Deque<Message> found = new ArrayDeque<>();
        MessagePage page = read(caller, ticketId, below == null
                ? MessagePageRequest.latest(pageSize) : MessagePageRequest.before(below, pageSize));
        while (true) {
            page.messages().reversed().forEach(found::addFirst);
            if (!page.hasMore() || page.messages().isEmpty()) {
                return List.copyOf(found);
            }
            page = read(caller, ticketId, MessagePageRequest.before(page.messages().getFirst().id(), pageSize));
        }
    }

    private MessagePage read(Caller caller, TicketId ticketId, MessagePageRequest request) {
        return messages.listMessages(new ListMessagesQuery(caller, ticketId, request));
    }
}
