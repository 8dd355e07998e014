package io.ticketchat.application.port.in;

import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.TicketId;

import java.util.Objects;

/** @param readerType whose unread count; must be the caller's own side */
public record CountUnreadMessagesQuery(Caller caller, TicketId ticketId, ParticipantType readerType) {

    public CountUnreadMessagesQuery {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(readerType, "readerType");
    }
}
