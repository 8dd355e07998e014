package io.ticketchat.application.service;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.port.out.TicketAccessPolicy;
import io.ticketchat.domain.TicketId;

/** The default policy: agents may take part in every ticket, customers in the tickets their credential names. */
public class GrantedTicketsAccessPolicy implements TicketAccessPolicy {

    @Override
    public boolean mayAccess(Caller caller, TicketId ticketId) {
        return switch (caller.type()) {
            case AGENT -> true;
            case CUSTOMER -> caller.grantedTickets().contains(ticketId);
        };
    }
}
