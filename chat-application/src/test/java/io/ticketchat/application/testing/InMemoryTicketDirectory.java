package io.ticketchat.application.testing;

import io.ticketchat.application.port.out.TicketDirectory;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.TicketSummary;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public class InMemoryTicketDirectory implements TicketDirectory {

    private final Map<TicketId, TicketSummary> tickets = new ConcurrentHashMap<>();

    public TicketSummary add(long id, String customerName, String issueTitle) {
        TicketSummary ticket = new TicketSummary(TicketId.of(id), customerName, issueTitle);
        tickets.put(ticket.id(), ticket);
        return ticket;
    }

    @Override
    public Optional<TicketSummary> find(TicketId ticketId) {
        return Optional.ofNullable(tickets.get(ticketId));
    }
}
