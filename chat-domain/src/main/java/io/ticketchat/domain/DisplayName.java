package io.ticketchat.domain;

/**
 * The name shown beside a sender or participant. {@link #of} applies every {@link TextRules} rule, the
 * constructor only what every stored name satisfies (see {@link #stored}).
 */
public record DisplayName(String value) {

    public static final int MAX_CODE_POINTS = 100;

    public DisplayName {
        TextRules.requireStorable("name", value);
    }

    /** A name from a principal (a token's claim, a host's user): refused unless it follows every rule. */
    public static DisplayName of(String value) {
        return new DisplayName(TextRules.requireValid("name", value, MAX_CODE_POINTS));
    }

    /** A name read back from storage, as it was stored, even under an earlier, laxer rule. */
    public static DisplayName stored(String value) {
        return new DisplayName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
