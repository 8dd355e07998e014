package io.ticketchat.ratelimit;

import java.time.Duration;

/**
 * How many messages one person may send per window, over REST and WebSocket together.
 *
 * @param messages          messages allowed in a burst and refilled evenly over {@code window}
 * @param window            the time over which a full allowance refills
 * @param maxTrackedSenders bound on the senders remembered at once; the least recently seen are forgotten first
 */
public record SendRateLimitSettings(int messages, Duration window, int maxTrackedSenders) {

    public static final SendRateLimitSettings DEFAULTS = new SendRateLimitSettings(30, Duration.ofSeconds(10), 100_000);

    public SendRateLimitSettings {
        if (messages < 1) {
            throw new IllegalArgumentException("chat.rate-limit.messages must be at least 1");
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("chat.rate-limit.window must be a positive duration");
        }
        if (maxTrackedSenders < 1) {
            throw new IllegalArgumentException("chat.rate-limit.max-tracked-senders must be at least 1");
        }
    }
}
