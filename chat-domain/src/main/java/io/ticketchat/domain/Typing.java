package io.ticketchat.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Someone typing in a ticket's conversation. It lasts {@link #TTL} after the latest signal, so a
 * client that vanishes mid-sentence does not leave "typing..." on the other screen forever. Only the
 * start of a spell is announced; refreshes extend it silently, which is what throttles the room.
 */
public record Typing(TicketId ticketId, ParticipantType type, UserId userId, DisplayName name, Instant startedAt, Instant lastSignalAt) {

    public static final Duration TTL = Duration.ofSeconds(8);

    public Typing {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(lastSignalAt, "lastSignalAt");
    }

    public static Typing start(TicketId ticketId, ParticipantType type, UserId userId, DisplayName name, Instant now) {
        return new Typing(ticketId, type, userId, name, now, now);
    }

    public Typing refresh(Instant now) {
        return new Typing(ticketId, type, userId, name, startedAt, now);
    }

    public Instant expiresAt() {
        return lastSignalAt.plus(TTL);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt());
    }
}
