package io.ticketchat.application.port.out;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.domain.TicketId;

/** Who may take part in which ticket's conversation. Hosts replace it with a stricter one at will. */
public interface TicketAccessPolicy {

    boolean mayAccess(Caller caller, TicketId ticketId);
}
