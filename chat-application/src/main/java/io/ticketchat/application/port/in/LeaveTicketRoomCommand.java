package io.ticketchat.application.port.in;

import io.ticketchat.domain.TicketId;

import java.util.Objects;

public record LeaveTicketRoomCommand(Caller caller, TicketId ticketId) {

    public LeaveTicketRoomCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(ticketId, "ticketId");
    }
}
