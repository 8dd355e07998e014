package io.ticketchat.web.socket;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.port.in.ForbiddenException;
import io.ticketchat.application.port.in.ForbiddenException;
import io.ticketchat.application.port.in.IdentityClaim;
import io.ticketchat.application.port.in.JoinTicketRoomCommand;
import io.ticketchat.application.port.in.JoinTicketRoomUseCase;
import io.ticketchat.application.port.in.LeaveTicketRoomCommand;
import io.ticketchat.application.port.in.LeaveTicketRoomUseCase;
import io.ticketchat.application.port.in.MarkMessagesReadCommand;
import io.ticketchat.application.port.in.MarkMessagesReadUseCase;
import io.ticketchat.application.port.in.PostMessageCommand;
import io.ticketchat.application.port.in.PostMessageUseCase;
import io.ticketchat.application.port.in.PostedMessage;
import io.ticketchat.application.port.in.RoomEntry;
import io.ticketchat.application.port.in.StartTypingCommand;
import io.ticketchat.application.port.in.StartTypingUseCase;
import io.ticketchat.application.port.in.StopTypingCommand;
import io.ticketchat.application.port.in.StopTypingUseCase;
import io.ticketchat.domain.ClientMessageId;
import io.ticketchat.domain.MessageId;
import io.ticketchat.domain.MessageText;
import io.ticketchat.domain.MessageType;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.TicketId;

/**
 * What each client event does. Runs on the socket's own inbound thread, one frame at a time; every
 * failure becomes an {@code ERROR} on this socket alone.
 */
final class ClientCommands {

    private final JoinTicketRoomUseCase joinRoom;
    private final LeaveTicketRoomUseCase leaveRoom;
    private final PostMessageUseCase postMessage;
    private final StartTypingUseCase startTyping;
    private final StopTypingUseCase stopTyping;
    private final MarkMessagesReadUseCase markRead;
    private final TicketRooms rooms;
    private final EventJson json;
    private final ChatWebSocketSettings settings;
    private final ChatSocketObserver observer;

    ClientCommands(JoinTicketRoomUseCase joinRoom, LeaveTicketRoomUseCase leaveRoom, PostMessageUseCase postMessage,
                   StartTypingUseCase startTyping, StopTypingUseCase stopTyping, MarkMessagesReadUseCase markRead,
                   TicketRooms rooms, EventJson json, ChatWebSocketSettings settings, ChatSocketObserver observer) {
        this.joinRoom = joinRoom;
        this.leaveRoom = leaveRoom;
        this.postMessage = postMessage;
        this.startTyping = startTyping;
        this.stopTyping = stopTyping;
        this.markRead = markRead;
        this.rooms = rooms;
        this.json = json;
        this.settings = settings;
        this.observer = observer;
    }

    void handle(ChatConnection connection, String payload) {
        ClientFrame frame = null;
        try {
            frame = json.read(payload);
            switch (frame.type()) {
                case "JOIN_TICKET" -> join(connection, frame);
                case "LEAVE_TICKET" -> leave(connection, frame);
                case "SEND_MESSAGE" -> send(connection, frame);
                case "TYPING" -> typing(connection, frame);
                case "STOP_TYPING" -> stopTyping(connection, frame);
                case "MARK_READ" -> markRead(connection, frame);
                case "PING" -> connection.send(ServerEvents.pong());
                default -> throw new InvalidFrameException("type", "unknown event type");
            }
        } catch (RuntimeException failed) {
            SocketError error = SocketErrors.of(failed);
            observer.frameRefused(error.code());
            connection.sendError(frame == null ? error : error.about(frame));
        }
    }

    private void join(ChatConnection connection, ClientFrame frame) {
        TicketId ticketId = frame.ticketId();
        Long lastMessageId = frame.optionalId("lastMessageId");
        IdentityClaim claim = claim(frame, connection.caller());
        boolean rejoin = connection.isIn(ticketId);
        if (!rejoin && connection.roomCount() >= settings.maxRoomsPerSocket()) {
            throw new InvalidFrameException("ticketId",
                    "a socket may be in at most " + settings.maxRoomsPerSocket() + " ticket rooms at once");
        }
        MessageId resumeAfter = lastMessageId == null || lastMessageId == 0 ? null : MessageId.of(lastMessageId);
        RoomEntry entry = joinRoom.joinRoom(new JoinTicketRoomCommand(connection.caller(), ticketId, resumeAfter, claim));
        connection.send(ServerEvents.joinedRoom(connection.caller(), ticketId, entry.latestMessageId()));
        if (rejoin) {
            // Already seated: live delivery on this socket has missed nothing, so there is nothing to replay.
            return;
        }
        long latest = entry.latestMessageId() == null ? 0 : entry.latestMessageId().value();
        // A lastMessageId beyond the ticket's newest message (another ticket's id, a stale client) counts as "up to date".
        long cursor = lastMessageId == null ? latest : Math.min(lastMessageId, latest);
        rooms.join(connection, ticketId, cursor, entry.missed());
    }

    private void leave(ChatConnection connection, ClientFrame frame) {
        TicketId ticketId = frame.ticketId();
        RoomMember member = connection.forget(ticketId);
        if (member != null) {
            rooms.leave(member);
            leaveRoom.leaveRoom(new LeaveTicketRoomCommand(connection.caller(), ticketId));
        }
        connection.send(ServerEvents.leftRoom(ticketId));
    }

    private void send(ChatConnection connection, ClientFrame frame) {
        TicketId ticketId = frame.ticketId();
        MessageText text = MessageText.of(frame.requiredString("message"));
        MessageType type = messageType(frame.optionalString("messageType"));
        MessageId parentId = positiveId(frame, "parentMessageId");
        String clientMessageId = frame.optionalString("clientMessageId");
        PostedMessage posted = postMessage.postMessage(new PostMessageCommand(connection.caller(), ticketId, text, type,
                parentId, clientMessageId == null ? null : ClientMessageId.of(clientMessageId),
                claim(frame, connection.caller())));
        // The use case returned, so its transaction committed: only now may the sender hear "stored".
        connection.send(ServerEvents.ack(posted.message()));
        connection.typingEnded(ticketId);
    }

    private void typing(ChatConnection connection, ClientFrame frame) {
        TicketId ticketId = frame.ticketId();
        IdentityClaim claim = claim(frame, connection.caller());
        // A spell is stopped by leaving or closing the room; outside a room nothing would ever stop it but the 8 s expiry.
        if (!connection.isIn(ticketId)) {
            // Whoever may not type here at all hears FORBIDDEN, as from the use case.
            claim.requireMatches(connection.caller());
            if (!rooms.mayAccess(connection.caller(), ticketId)) {
                throw ForbiddenException.ticket();
            }
            throw new InvalidFrameException("ticketId", "join this ticket before sending TYPING");
        }
        if (connection.mayAnnounceTyping(ticketId, settings.typingMinInterval())) {
            startTyping.startTyping(new StartTypingCommand(connection.caller(), ticketId, claim));
        }
    }

    private void stopTyping(ChatConnection connection, ClientFrame frame) {
        TicketId ticketId = frame.ticketId();
        stopTyping.stopTyping(new StopTypingCommand(connection.caller(), ticketId, claim(frame, connection.caller())));
        connection.typingEnded(ticketId);
    }

    private void markRead(ChatConnection connection, ClientFrame frame) {
        // The room, this socket included, hears MESSAGES_READ from the committed event.
        markRead.markRead(new MarkMessagesReadCommand(connection.caller(), frame.ticketId(), claim(frame, connection.caller())));
    }

    /**
     * The identity the frame states: {@code userId}, {@code userType} and the name field of the
     * caller's own side. A name in the other side's field claims to be someone else.
     */
    private static IdentityClaim claim(ClientFrame frame, Caller caller) {
        Long userId = frame.optionalId("userId");
        ParticipantType type = frame.optionalUserType();
        boolean agent = caller.type() == ParticipantType.AGENT;
        String ownName = frame.optionalString(agent ? "agentName" : "customerName");
        String otherField = agent ? "customerName" : "agentName";
        if (frame.optionalString(otherField) != null) {
            throw new ForbiddenException(otherField, "the request claims another name than the authenticated one");
        }
        return IdentityClaim.of(userId, type, ownName);
    }

    private static MessageType messageType(String value) {
        if (value == null) {
            return MessageType.TEXT;
        }
        return switch (value) {
            case "text" -> MessageType.TEXT;
            case "system" -> MessageType.SYSTEM;
            case "status_update" -> MessageType.STATUS_UPDATE;
            default -> throw new InvalidFrameException("messageType", "messageType must be text");
        };
    }

    private static MessageId positiveId(ClientFrame frame, String field) {
        Long value = frame.optionalId(field);
        if (value != null && value == 0) {
            throw new InvalidFrameException(field, field + " must be positive");
        }
        return value == null ? null : MessageId.of(value);
    }
}
