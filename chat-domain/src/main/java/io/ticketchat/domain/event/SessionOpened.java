package io.ticketchat.domain.event;

import io.ticketchat.domain.ChatSession;
import io.ticketchat.domain.TicketId;

import java.time.Instant;
import java.util.Objects;

/** A new chat session began on a ticket. */
public record SessionOpened(ChatSession session) implements ChatEvent {

    public SessionOpened {
        Objects.requireNonNull(session, "session");
    }

    @Override
    public TicketId ticketId() {
        return session.ticketId();
    }

    @Override
    public Instant occurredAt() {
        return session.startedAt();
    }
}
