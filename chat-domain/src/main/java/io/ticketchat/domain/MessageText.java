package io.ticketchat.domain;

/**
 * What someone wrote. Kept exactly as sent; the limits apply to the trimmed text so that padding
 * cannot smuggle in an empty message.
 */
public record MessageText(String value) {

    public static final int MAX_CODE_POINTS = 10_000;

    public MessageText {
        Text.require("message", value);
        Text.requireWellFormed("message", value);
        Text.requireTrimmedLength("message", value, 1, MAX_CODE_POINTS);
    }

    public static MessageText of(String value) {
        return new MessageText(value);
    }

    @Override
    public String toString() {
        return "MessageText[" + value.length() + " chars]";
    }
}
