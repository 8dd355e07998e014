package io.ticketchat.application.service;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.port.in.CheckTicketAccessUseCase;
import io.ticketchat.application.port.in.ForbiddenException;
import io.ticketchat.application.port.in.TicketNotFoundException;
import io.ticketchat.application.port.out.TicketAccessPolicy;
import io.ticketchat.application.port.out.TicketDirectory;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.TicketSummary;

/**
 * The gate every use case passes first. The policy is asked before the directory so that a caller
 * without access learns nothing, not even whether the ticket exists.
 */
public class TicketAccess implements CheckTicketAccessUseCase {

    private final TicketAccessPolicy policy;
    private final TicketDirectory tickets;

    public TicketAccess(TicketAccessPolicy policy, TicketDirectory tickets) {
        this.policy = policy;
        this.tickets = tickets;
    }

    public TicketSummary require(Caller caller, TicketId ticketId) {
        if (!policy.mayAccess(caller, ticketId)) {
            throw ForbiddenException.ticket();
        }
        return tickets.find(ticketId).orElseThrow(() -> new TicketNotFoundException(ticketId));
    }

    @Override
    public boolean mayAccess(Caller caller, TicketId ticketId) {
        return policy.mayAccess(caller, ticketId);
    }
}
