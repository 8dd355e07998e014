package io.ticketchat.web.socket;

import java.time.Duration;

/**
 * What the WebSocket adapter reports for metrics. The bootstrap supplies one backed by Micrometer;
 * without a bean of this type nothing is reported. Called on the adapter's own threads: must not block.
 */
public interface ChatSocketObserver {

    ChatSocketObserver NONE = new ChatSocketObserver() {
    };

    /** An {@code ERROR} answered a client frame (bad input, a refused or failed command). */
    default void frameRefused(ErrorCode code) {
    }

    /**
     * A committed message was handed to the outboxes of its room's live members.
     *
     * @param sinceCommit from the committed event reaching the rooms to the last hand-off
     */
    default void messageHandedOff(Duration sinceCommit) {
    }
}
