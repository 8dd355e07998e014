package io.ticketchat.application.port.in;

import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.SenderType;

/**
 * The identity a request body or event states about its author (the guide's {@code senderId},
 * {@code userType}, {@code senderName} and friends). Still accepted for compatibility, never
 * trusted: a claim that differs from the caller is refused. Any part may be absent ({@code null}).
 */
public record IdentityClaim(Long userId, SenderType type, String name) {

    public static final IdentityClaim NONE = new IdentityClaim(null, null, null);

    public static IdentityClaim of(Long userId, ParticipantType type, String name) {
        return new IdentityClaim(userId, type == null ? null : type.asSenderType(), name);
    }

    /** @throws ForbiddenException naming the first field that claims someone else */
    public void requireMatches(Caller caller) {
        if (userId != null && userId != caller.userId().value()) {
            throw new ForbiddenException("userId", "the request claims another user than the authenticated one");
        }
        if (type != null && type != caller.type().asSenderType()) {
            throw new ForbiddenException("userType", "the request claims another user type than the authenticated one");
        }
        if (name != null && !name.equals(caller.name().value())) {
            throw new ForbiddenException("name", "the request claims another name than the authenticated one");
        }
    }
}
