package io.ticketchat.application.port.out;

import io.ticketchat.application.port.in.Caller;

import java.time.Duration;
import java.util.Optional;

/** How fast one person may post messages, whatever transport they use. */
public interface SendRateLimiter {

    /** No limit at all: for hosts that throttle upstream, and for tests. */
    SendRateLimiter UNLIMITED = caller -> Optional.empty();

    /**
     * Takes one send from the caller's allowance.
     *
     * @return empty when allowed, otherwise how long to wait before the next send can succeed
     */
    Optional<Duration> tryAcquire(Caller caller);
}
