package io.ticketchat.application.port.in;

import io.ticketchat.domain.TicketId;

import java.util.Objects;

public record ListMessagesQuery(Caller caller, TicketId ticketId, MessagePageRequest page) {

    public ListMessagesQuery {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(page, "page");
    }
}
