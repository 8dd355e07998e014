package io.ticketchat.web.socket;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.domain.Message;
import io.ticketchat.domain.MessageId;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.SenderType;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.UserId;
import io.ticketchat.domain.event.MessagesRead;
import io.ticketchat.domain.event.TypingStarted;
import io.ticketchat.domain.event.TypingStopped;

import java.time.Instant;
import java.util.Locale;

/** Turns what the core reports into the wire events of {@link ServerEvent}. Domain types stop here. */
final class ServerEvents {

    private ServerEvents() {
    }

    static ServerEvent joinedRoom(Caller caller, TicketId ticketId, MessageId latest) {
        return new ServerEvent.JoinedRoom("JOINED_ROOM", ticketId.value(), wire(caller.type()),
                "Joined ticket " + ticketId.value() + " chat room", latest == null ? null : latest.value());
    }

    static ServerEvent leftRoom(TicketId ticketId) {
        return new ServerEvent.LeftRoom("LEFT_ROOM", ticketId.value());
    }

    static ServerEvent newMessage(Message message) {
        SenderType senderType = message.sender().type();
        String name = message.sender().name().value();
        UserId senderId = message.sender().userId();
        return new ServerEvent.NewMessage("NEW_MESSAGE", message.ticketId().value(), message.text().value(),
                wire(senderType),
                senderType == SenderType.AGENT ? name : null,
                senderType == SenderType.CUSTOMER ? name : null,
                message.id().value(), Timestamps.format(message.createdAt()),
                message.clientMessageIdIfAny().map(Object::toString).orElse(null),
                senderId == null ? null : senderId.value(), name, wire(message.type()),
                message.parentId() == null ? null : message.parentId().value());
    }

    static ServerEvent ack(Message message) {
        return new ServerEvent.MessageAck("MESSAGE_ACK", message.ticketId().value(),
                message.clientMessageIdIfAny().map(Object::toString).orElse(null),
                message.id().value(), Timestamps.format(message.createdAt()));
    }

    static ServerEvent typing(TypingStarted event) {
        ParticipantType type = event.typing().type();
        String name = event.typing().name().value();
        return new ServerEvent.UserTyping("USER_TYPING", event.ticketId().value(), wire(type),
                type == ParticipantType.AGENT ? name : null, type == ParticipantType.CUSTOMER ? name : null,
                event.typing().userId().value());
    }

    static ServerEvent stoppedTyping(TypingStopped event) {
        return new ServerEvent.UserStoppedTyping("USER_STOPPED_TYPING", event.ticketId().value(),
                wire(event.type()), event.userId().value());
    }

    static ServerEvent messagesRead(MessagesRead event) {
        return new ServerEvent.MessagesRead("MESSAGES_READ", event.ticketId().value(), wire(event.readerType()),
                event.upToMessageId().value(), Timestamps.format(event.readAt()));
    }

    static ServerEvent pong() {
        return new ServerEvent.Pong("PONG");
    }

    static ServerEvent error(SocketError error, Instant now) {
        return new ServerEvent.Error("ERROR", error.code(), error.message(), Timestamps.format(now),
                error.clientMessageId(), error.ticketId(), error.field(), error.requestType());
    }

    static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
