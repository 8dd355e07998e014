package io.ticketchat.domain;

import java.util.Objects;

/** The author of a message. System messages may have no user id. */
public record Sender(SenderType type, UserId userId, DisplayName name) {

    public Sender {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        if (type != SenderType.SYSTEM && userId == null) {
            throw new DomainValidationException("senderId", "is required for agents and customers");
        }
    }

    public static Sender person(ParticipantType type, UserId userId, DisplayName name) {
        return new Sender(type.asSenderType(), userId, name);
    }

    public static Sender system(DisplayName name) {
        return new Sender(SenderType.SYSTEM, null, name);
    }
}
