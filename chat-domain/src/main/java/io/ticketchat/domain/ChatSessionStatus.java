package io.ticketchat.domain;

/** Lifecycle of a chat session: active and paused alternate; closed is final. */
public enum ChatSessionStatus {
    ACTIVE,
    PAUSED,
    CLOSED;

    public boolean canBecome(ChatSessionStatus next) {
        return switch (this) {
            case ACTIVE -> next == PAUSED || next == CLOSED;
            case PAUSED -> next == ACTIVE || next == CLOSED;
            case CLOSED -> false;
        };
    }

    public boolean isOpen() {
        return this != CLOSED;
    }
}
