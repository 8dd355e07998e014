package io.ticketchat.domain.event;

import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.Typing;

import java.time.Instant;
import java.util.Objects;

/** Someone began typing. */
public record TypingStarted(Typing typing) implements ChatEvent {

    public TypingStarted {
        Objects.requireNonNull(typing, "typing");
    }

    @Override
    public TicketId ticketId() {
        return typing.ticketId();
    }

    @Override
    public Instant occurredAt() {
        return typing.startedAt();
    }
}
