package io.ticketchat.web.rest;

/**
 * The REST adapter's own limits. The bootstrap maps {@code chat.rest.*} properties onto it; a host
 * embedding the chat may declare its own bean instead.
 *
 * @param maxRequestBodyBytes largest request body accepted, counted as the bytes arrive (413 beyond)
 * @param maxJsonNestingDepth deepest JSON nesting accepted in a request body
 * @param maxJsonNumberLength longest JSON number literal accepted, in characters
 * @param maxJsonStringLength longest JSON string value accepted, in characters
 */
public record ChatRestSettings(int maxRequestBodyBytes, int maxJsonNestingDepth, int maxJsonNumberLength, int maxJsonStringLength) {

    public static final int DEFAULT_MAX_REQUEST_BODY_BYTES = 128 * 1024;
    public static final int DEFAULT_MAX_JSON_NESTING_DEPTH = 64;
    public static final int DEFAULT_MAX_JSON_NUMBER_LENGTH = 32;
    /** Room for a 10,000 code point message written entirely as surrogate pairs, plus padding. */
    public static final int DEFAULT_MAX_JSON_STRING_LENGTH = 64 * 1024;

    public ChatRestSettings {
        requirePositive("maxRequestBodyBytes", maxRequestBodyBytes);
        requirePositive("maxJsonNestingDepth", maxJsonNestingDepth);
        requirePositive("maxJsonNumberLength", maxJsonNumberLength);
        requirePositive("maxJsonStringLength", maxJsonStringLength);
    }

    public static ChatRestSettings defaults() {
        return new ChatRestSettings(DEFAULT_MAX_REQUEST_BODY_BYTES, DEFAULT_MAX_JSON_NESTING_DEPTH,
                DEFAULT_MAX_JSON_NUMBER_LENGTH, DEFAULT_MAX_JSON_STRING_LENGTH);
    }

    public ChatRestSettings withMaxRequestBodyBytes(int bytes) {
        return new ChatRestSettings(bytes, maxJsonNestingDepth, maxJsonNumberLength, maxJsonStringLength);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
