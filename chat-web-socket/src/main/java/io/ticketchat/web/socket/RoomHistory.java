package io.ticketchat.web.socket;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.port.in.ListMessagesQuery;
import io.ticketchat.application.port.in.ListMessagesUseCase;
import io.ticketchat.application.port.in.MessagePage;
import io.ticketchat.application.port.in.MessagePageRequest;
import io.ticketchat.domain.Message;
import io.ticketchat.domain.MessageId;
import io.ticketchat.domain.TicketId;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a member has not been sent yet, always through the use case and as that member's
 * caller, so every replayed message passes the same access check as a REST read.
 *
 * <p>A cursor of 0 means "nothing sent yet": the pages then start at the ticket's first message. Every
 * read is one page forward, so a replay from the start of a long conversation never holds more than a
 * page of it.
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
        return read(caller, ticketId, forward(null, cursor));
    }

    /**
     * Every message after the cursor and below {@code below}, oldest first: the gap before a live event.
     * The live path keeps events in order as they come, so a gap is short (messages of a few
     * milliseconds); its pages are read forward like a replay's.
     */
    List<Message> between(Caller caller, TicketId ticketId, long cursor, MessageId below) {
        List<Message> found = new ArrayList<>();
        long after = cursor;
        while (true) {
            MessagePage page = read(caller, ticketId, forward(below, after));
            found.addAll(page.messages());
            if (!page.hasMore() || page.messages().isEmpty()) {
                return found;
            }
            after = page.messages().getLast().id().value();
        }
    }

    private MessagePageRequest forward(MessageId below, long cursor) {
        return cursor == 0
                ? MessagePageRequest.fromStart(below, pageSize)
                : new MessagePageRequest(below, MessageId.of(cursor), pageSize);
    }

    private MessagePage read(Caller caller, TicketId ticketId, MessagePageRequest request) {
        return messages.listMessages(new ListMessagesQuery(caller, ticketId, request));
    }
}
