package io.ticketchat.application.service;

import io.ticketchat.application.port.in.JoinTicketRoomCommand;
import io.ticketchat.application.port.in.JoinTicketRoomUseCase;
import io.ticketchat.application.port.in.LeaveTicketRoomCommand;
import io.ticketchat.application.port.in.LeaveTicketRoomUseCase;
import io.ticketchat.application.port.in.MessagePage;
import io.ticketchat.application.port.in.MessagePageRequest;
import io.ticketchat.application.port.in.RoomEntry;
import io.ticketchat.application.port.out.ChatEventPublisher;
import io.ticketchat.application.port.out.MessageRepository;
import io.ticketchat.domain.MessageId;
import io.ticketchat.domain.TicketSummary;
import io.ticketchat.domain.event.ParticipantLeft;

import java.time.Clock;

/** Entering and leaving a ticket's live room, the socket's view of a conversation. */
public class TicketRoomService implements JoinTicketRoomUseCase, LeaveTicketRoomUseCase {

    private final TicketAccess access;
    private final ListMessagesService history;
    private final MessageRepository messages;
    private final TypingService typing;
    private final ChatEventPublisher events;
    private final Clock clock;

    public TicketRoomService(TicketAccess access, ListMessagesService history, MessageRepository messages,
                             TypingService typing, ChatEventPublisher events, Clock clock) {
        this.access = access;
        this.history = history;
        this.messages = messages;
        this.typing = typing;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public RoomEntry joinRoom(JoinTicketRoomCommand command) {
        command.claim().requireMatches(command.caller());
        TicketSummary ticket = access.require(command.caller(), command.ticketId());
        MessageId latest = messages.latestId(command.ticketId()).orElse(null);
        MessagePage missed = command.lastMessageId() == null ? null
                : history.read(ticket, command.ticketId(), MessagePageRequest.after(command.lastMessageId(), MessagePageRequest.MAX_LIMIT));
        return new RoomEntry(ticket, missed, latest);
    }

    @Override
    public void leaveRoom(LeaveTicketRoomCommand command) {
        typing.left(command.caller(), command.ticketId());
        events.publish(new ParticipantLeft(command.ticketId(), command.caller().type(), command.caller().userId(), clock.instant()));
    }
}
