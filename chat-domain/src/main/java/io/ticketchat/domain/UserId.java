package io.ticketchat.domain;

/** A user of the host (agents) or any id the host gives a customer without an account. */
public record UserId(long value) {

    public UserId {
        if (value <= 0 || value > Integer.MAX_VALUE) {
            throw new DomainValidationException("userId", "must be a positive 32-bit integer");
        }
    }

    public static UserId of(long value) {
        return new UserId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
