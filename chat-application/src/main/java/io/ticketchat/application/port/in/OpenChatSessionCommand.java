package io.ticketchat.application.port.in;

import io.ticketchat.domain.TicketId;

import java.util.Objects;

public record OpenChatSessionCommand(Caller caller, TicketId ticketId, IdentityClaim claim) {

    public OpenChatSessionCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(ticketId, "ticketId");
        claim = claim == null ? IdentityClaim.NONE : claim;
    }
}
