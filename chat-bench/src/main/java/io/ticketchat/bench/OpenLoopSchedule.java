package io.ticketchat.bench;

import java.time.Duration;

/**
 * When each send of a run is due, fixed in advance: send {@code i} is due at {@code start + i / rate}.
 * Latency is measured from this due time, not from when the send actually left, so a server that makes
 * the generator fall behind shows that delay in its numbers instead of hiding it (coordinated omission).
 */
public record OpenLoopSchedule(long startNanos, double ratePerSecond, Duration duration) {

    public OpenLoopSchedule {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive: " + duration);
        }
    }

    /** How many sends the run holds. */
    public long sends() {
        return (long) Math.floor(ratePerSecond * duration.toNanos() / 1e9);
    }

    /** The {@link System#nanoTime()} at which send {@code i} is due. */
    public long dueAt(long i) {
        if (i < 0 || i >= sends()) {
            throw new IndexOutOfBoundsException("send " + i + " of " + sends());
        }
        return startNanos + Math.round(i * 1e9 / ratePerSecond);
    }
}
