package io.ticketchat.domain;

/** The sender's own key for one message, which makes retried sends idempotent. */
public record ClientMessageId(String value) {

    public static final int MAX_LENGTH = 64;

    public ClientMessageId {
        TextRules.requireStorable("clientMessageId", value);
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new DomainValidationException("clientMessageId", "must be 1 to " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new DomainValidationException("clientMessageId", "must be printable ASCII without spaces");
            }
        }
    }

    public static ClientMessageId of(String value) {
        return new ClientMessageId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
