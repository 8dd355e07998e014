package io.ticketchat.application.service;

import io.ticketchat.application.port.in.CountUnreadMessagesQuery;
import io.ticketchat.application.port.in.CountUnreadMessagesUseCase;
import io.ticketchat.application.port.in.ForbiddenException;
import io.ticketchat.application.port.out.MessageRepository;

public class CountUnreadMessagesService implements CountUnreadMessagesUseCase {

    private final TicketAccess access;
    private final MessageRepository messages;

    public CountUnreadMessagesService(TicketAccess access, MessageRepository messages) {
        this.access = access;
        this.messages = messages;
    }

    @Override
    public long countUnread(CountUnreadMessagesQuery query) {
        if (query.readerType() != query.caller().type()) {
            throw new ForbiddenException("userType", "you may only count your own side's unread messages");
        }
        access.require(query.caller(), query.ticketId());
        return messages.countUnread(query.ticketId(), query.readerType());
    }
}
