package io.ticketchat.domain;

/** A stored message's id. Ids grow with commit order within one ticket. */
public record MessageId(long value) implements Comparable<MessageId> {

    public MessageId {
        if (value <= 0) {
            throw new DomainValidationException("messageId", "must be positive");
        }
    }

    public static MessageId of(long value) {
        return new MessageId(value);
    }

    public boolean isAfter(MessageId other) {
        return value > other.value;
    }

    @Override
    public int compareTo(MessageId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
