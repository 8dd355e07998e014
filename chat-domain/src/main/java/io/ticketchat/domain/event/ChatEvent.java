package io.ticketchat.domain.event;

import io.ticketchat.domain.TicketId;

import java.time.Instant;

/** Something adapters must hear about. Every event belongs to one ticket's room. */
public sealed interface ChatEvent
        permits MessagePosted, MessagesRead, TypingStarted, TypingStopped,
                ParticipantJoined, ParticipantLeft, SessionOpened, SessionClosed {

    TicketId ticketId();

    Instant occurredAt();
}
