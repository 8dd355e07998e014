package io.ticketchat.application.port.in;

/**
 * Enters a ticket's live room. With a {@code lastMessageId} the entry carries the first page of
 * messages the caller missed; the rest are read with {@link ListMessagesUseCase} paging forward.
 */
public interface JoinTicketRoomUseCase {

    RoomEntry joinRoom(JoinTicketRoomCommand command);
}
