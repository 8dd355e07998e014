package io.ticketchat.application.port.in;

import java.time.Duration;

/** The caller sends faster than allowed; they may try again after {@link #retryAfter()}. */
public class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super("too many messages; try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
