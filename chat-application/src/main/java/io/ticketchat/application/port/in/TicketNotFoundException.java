package io.ticketchat.application.port.in;

import io.ticketchat.domain.TicketId;

/** The host has no such ticket. */
public class TicketNotFoundException extends RuntimeException {

    private final TicketId ticketId;

    public TicketNotFoundException(TicketId ticketId) {
        super("ticket " + ticketId + " does not exist");
        this.ticketId = ticketId;
    }

    public TicketId ticketId() {
        return ticketId;
    }
}
