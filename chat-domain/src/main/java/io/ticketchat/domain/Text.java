package io.ticketchat.domain;

/** Checks shared by the text-carrying value objects. */
final class Text {

    private Text() {
    }

    static String require(String field, String value) {
        if (value == null) {
            throw new DomainValidationException(field, "is required");
        }
        return value;
    }

    /** Refuses NUL and unpaired surrogates, which no utf8mb4 column can hold faithfully. */
    static void requireWellFormed(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                throw new DomainValidationException(field, "must not contain NUL characters");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new DomainValidationException(field, "must be valid Unicode (unpaired surrogate)");
            }
            if (Character.isLowSurrogate(c)) {
                throw new DomainValidationException(field, "must be valid Unicode (unpaired surrogate)");
            }
        }
    }

    /** Length in code points after trimming, checked against inclusive bounds. */
    static void requireTrimmedLength(String field, String value, int min, int max) {
        String trimmed = value.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length < min) {
            throw new DomainValidationException(field, "must not be blank");
        }
        if (length > max) {
            throw new DomainValidationException(field, "must be at most " + max + " characters (was " + length + ")");
        }
    }
}
