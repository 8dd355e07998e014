package io.ticketchat.application.port.in;

import io.ticketchat.domain.ChatSessionStatus;
import io.ticketchat.domain.SessionId;

import java.util.Objects;

public record ChangeChatSessionStatusCommand(Caller caller, SessionId sessionId, ChatSessionStatus target) {

    public ChangeChatSessionStatusCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(target, "target");
    }
}
