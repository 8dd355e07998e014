package io.ticketchat.application.port.in;

import io.ticketchat.domain.MessageId;
import io.ticketchat.domain.TicketId;

import java.util.Objects;

/** @param lastMessageId the newest message the client already has, or {@code null} for no replay */
public record JoinTicketRoomCommand(Caller caller, TicketId ticketId, MessageId lastMessageId, IdentityClaim claim) {

    public JoinTicketRoomCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(ticketId, "ticketId");
        claim = claim == null ? IdentityClaim.NONE : claim;
    }
}
