package io.ticketchat.application.port.in;

/** Leaves a ticket's live room: typing ends at once and the room hears of it. */
public interface LeaveTicketRoomUseCase {

    void leaveRoom(LeaveTicketRoomCommand command);
}
