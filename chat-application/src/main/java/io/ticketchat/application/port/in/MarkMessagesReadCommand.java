package io.ticketchat.application.port.in;

import io.ticketchat.domain.TicketId;

import java.util.Objects;

public record MarkMessagesReadCommand(Caller caller, TicketId ticketId, IdentityClaim claim) {

    public MarkMessagesReadCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(ticketId, "ticketId");
        claim = claim == null ? IdentityClaim.NONE : claim;
    }
}
