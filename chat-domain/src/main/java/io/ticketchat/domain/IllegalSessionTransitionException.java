package io.ticketchat.domain;

/** A session was asked to move to a state its lifecycle does not allow. */
public class IllegalSessionTransitionException extends IllegalStateException {

    public IllegalSessionTransitionException(SessionId sessionId, ChatSessionStatus from, ChatSessionStatus to) {
        super("session " + sessionId + " cannot go from " + from.name().toLowerCase() + " to " + to.name().toLowerCase());
    }
}
