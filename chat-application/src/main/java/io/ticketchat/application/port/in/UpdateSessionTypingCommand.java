package io.ticketchat.application.port.in;

import io.ticketchat.domain.SessionId;

import java.util.Objects;

public record UpdateSessionTypingCommand(Caller caller, SessionId sessionId, boolean typing, IdentityClaim claim) {

    public UpdateSessionTypingCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(sessionId, "sessionId");
        claim = claim == null ? IdentityClaim.NONE : claim;
    }
}
