package io.ticketchat.application.port.in;

import io.ticketchat.domain.TicketId;

/** Whether a caller may see a ticket's conversation; asked again when events fan out. */
public interface CheckTicketAccessUseCase {

    boolean mayAccess(Caller caller, TicketId ticketId);
}
