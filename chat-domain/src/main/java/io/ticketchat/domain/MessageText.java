package io.ticketchat.domain;

/**
 * What someone wrote. Kept exactly as sent; {@link #of} applies every {@link TextRules} rule, the
 * constructor only what every stored text satisfies (see {@link #stored}).
 */
public record MessageText(String value) {

    public static final int MAX_CODE_POINTS = 10_000;

    public MessageText {
        TextRules.requireStorable("message", value);
    }

    /** A person's new text: refused unless it follows every rule of {@link TextRules}. */
    public static MessageText of(String value) {
        return new MessageText(TextRules.requireValid("message", value, MAX_CODE_POINTS));
    }

    /**
     * Text read back from storage. Rows written before a rule was tightened (an invisible-only text
     * stored by an earlier version) must stay readable, and exactly as stored.
     */
    public static MessageText stored(String value) {
        return new MessageText(value);
    }

    @Override
    public String toString() {
        return "MessageText[" + value.length() + " chars]";
    }
}
