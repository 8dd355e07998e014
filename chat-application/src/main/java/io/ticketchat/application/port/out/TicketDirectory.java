package io.ticketchat.application.port.out;

import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.TicketSummary;

import java.util.Optional;

/** The host's tickets, read-only: the chat never creates or changes one. */
public interface TicketDirectory {

    Optional<TicketSummary> find(TicketId ticketId);
}
