package io.ticketchat.domain;

/** The name shown beside a sender or participant. */
public record DisplayName(String value) {

    public static final int MAX_CODE_POINTS = 100;

    public DisplayName {
        Text.require("name", value);
        Text.requireWellFormed("name", value);
        Text.requireTrimmedLength("name", value, 1, MAX_CODE_POINTS);
    }

    public static DisplayName of(String value) {
        return new DisplayName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
