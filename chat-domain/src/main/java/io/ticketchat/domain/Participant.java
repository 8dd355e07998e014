package io.ticketchat.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Someone who joined a chat session.
 *
 * @param leftAt when they left, or {@code null} while present
 */
public record Participant(
        SessionId sessionId,
        UserId userId,
        ParticipantType type,
        DisplayName name,
        Instant joinedAt,
        Instant leftAt) {

    public Participant {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }

    public static Participant joining(SessionId sessionId, UserId userId, ParticipantType type, DisplayName name, Instant now) {
        return new Participant(sessionId, userId, type, name, now, null);
    }

    public boolean isPresent() {
        return leftAt == null;
    }

    public Participant leave(Instant now) {
        if (!isPresent()) {
            return this;
        }
        return new Participant(sessionId, userId, type, name, joinedAt, now);
    }

    public boolean is(ParticipantType otherType, UserId otherId) {
        return type == otherType && userId.equals(otherId);
    }
}
