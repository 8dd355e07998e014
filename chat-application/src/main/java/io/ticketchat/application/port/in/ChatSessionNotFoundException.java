package io.ticketchat.application.port.in;

import io.ticketchat.domain.SessionId;

/** No chat session has that id. */
public class ChatSessionNotFoundException extends RuntimeException {

    public ChatSessionNotFoundException(SessionId sessionId) {
        super("chat session " + sessionId + " does not exist");
    }
}
