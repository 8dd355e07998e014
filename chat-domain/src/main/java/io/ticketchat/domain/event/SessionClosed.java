package io.ticketchat.domain.event;

import io.ticketchat.domain.ChatSession;
import io.ticketchat.domain.TicketId;

import java.time.Instant;
import java.util.Objects;

/** A chat session ended. */
public record SessionClosed(ChatSession session) implements ChatEvent {

    public SessionClosed {
        Objects.requireNonNull(session, "session");
        if (session.isOpen()) {
            throw new IllegalArgumentException("only a closed session can be reported closed");
        }
    }

    @Override
    public TicketId ticketId() {
        return session.ticketId();
    }

    @Override
    public Instant occurredAt() {
        return session.endedAt();
    }
}
