package io.ticketchat.application.service;

import io.ticketchat.application.port.in.ListMessagesQuery;
import io.ticketchat.application.port.in.ListMessagesUseCase;
import io.ticketchat.application.port.in.MessagePage;
import io.ticketchat.application.port.in.MessagePageRequest;
import io.ticketchat.application.port.out.MessageRepository;
import io.ticketchat.domain.Message;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.TicketSummary;

import java.util.List;

public class ListMessagesService implements ListMessagesUseCase {

    private final TicketAccess access;
    private final MessageRepository messages;

    public ListMessagesService(TicketAccess access, MessageRepository messages) {
        this.access = access;
        this.messages = messages;
    }

    @Override
    public MessagePage listMessages(ListMessagesQuery query) {
        TicketSummary ticket = access.require(query.caller(), query.ticketId());
        return read(ticket, query.ticketId(), query.page());
    }

    MessagePage read(TicketSummary ticket, TicketId ticketId, MessagePageRequest page) {
        List<Message> found = messages.page(ticketId, page);
        boolean hasMore = found.size() > page.limit();
        if (!hasMore) {
            return new MessagePage(ticket, found, false);
        }
        // The extra row lies beyond the page: past its end when reading forward, before its start otherwise.
        List<Message> trimmed = page.readsForward() ? found.subList(0, page.limit()) : found.subList(1, found.size());
        return new MessagePage(ticket, trimmed, true);
    }
}
