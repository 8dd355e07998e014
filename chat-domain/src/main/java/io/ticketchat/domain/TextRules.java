package io.ticketchat.domain;

/**
 * The rules for every text a person sends: messages and display names now, edits, notes and file
 * names as they arrive. One place, so that REST, the socket and every later input agree.
 *
 * <ul>
 *   <li><b>Refused</b> (the whole text is refused, never cleaned): unpaired surrogates, which no utf8mb4
 *       column can hold; control characters (general category Cc: NUL, the other C0 controls, DEL and
 *       the C1 controls) except tab, line feed and carriage return, which have no meaning in chat text
 *       and break logs, CSV and XML exports; noncharacters (U+FDD0..U+FDEF and the last two code points
 *       of every plane, U+FFFE among them), which Unicode reserves for a program's internal use.</li>
 *   <li><b>Invisible</b> (counted as nothing when deciding whether a text is empty, but kept): White_Space
 *       (spaces of every width, NBSP, line and paragraph separators); format characters (category Cf:
 *       zero-width space and joiners, word joiner, soft hyphen, bidi marks, embeddings, overrides and
 *       isolates, U+FEFF, tags); the other Default_Ignorable_Code_Points of Unicode's
 *       DerivedCoreProperties (variation selectors, the combining grapheme joiner, Hangul fillers, the
 *       Mongolian free variation selectors and the reserved default-ignorable ranges), which Java
 *       does not expose as a property; and U+2800 BRAILLE PATTERN BLANK, a blank cell drawn as nothing
 *       by visual fonts. A text of only these is empty, as the contract says.</li>
 *   <li><b>Kept</b>: everything else, unchanged, including invisible characters inside visible text
 *       (an emoji's joiners and variation selectors, bidi controls around Arabic or Hebrew), private-use
 *       characters and code points this JDK does not know yet (newer emoji).</li>
 * </ul>
 * Lengths count code points of the text with leading and trailing white space stripped.
 */
public final class TextRules {

    /** The Default_Ignorable_Code_Point ranges outside category Cf (Unicode 15.1, DerivedCoreProperties.txt). */
    private static final int[][] OTHER_DEFAULT_IGNORABLE = {
            {0x034F, 0x034F}, {0x115F, 0x1160}, {0x17B4, 0x17B5}, {0x180B, 0x180D}, {0x180F, 0x180F},
            {0x2065, 0x2065}, {0x3164, 0x3164}, {0xFE00, 0xFE0F}, {0xFFA0, 0xFFA0}, {0xFFF0, 0xFFF8},
            {0xE0000, 0xE0FFF}};
    private static final int BRAILLE_PATTERN_BLANK = 0x2800;

    private TextRules() {
    }

    /**
     * Checks a person's text against every rule.
     *
     * @throws DomainValidationException naming {@code field} and the first rule broken
     */
    public static String requireValid(String field, String value, int maxCodePoints) {
        requireStorable(field, value);
        boolean visible = false;
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            if (isRefused(codePoint)) {
                throw new DomainValidationException(field, refusal(codePoint));
            }
            visible |= !isInvisible(codePoint);
            i += Character.charCount(codePoint);
        }
        if (!visible) {
            throw new DomainValidationException(field, "must not be blank (white space and invisible characters do not count)");
        }
        String stripped = value.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length > maxCodePoints) {
            throw new DomainValidationException(field, "must be at most " + maxCodePoints + " characters (was " + length + ")");
        }
        return value;
    }

    /**
     * What every stored text satisfies, under today's rules and every earlier one: present, no NUL and
     * no unpaired surrogate. Text read back from storage is checked against this alone, so rows written
     * under laxer rules stay readable exactly as they were stored.
     */
    public static String requireStorable(String field, String value) {
        if (value == null) {
            throw new DomainValidationException(field, "is required");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                throw new DomainValidationException(field, "must not contain NUL characters");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new DomainValidationException(field, "must be valid Unicode (unpaired surrogate)");
            }
        }
        return value;
    }

    /** Whether a text counts as empty: nothing but white space and invisible characters. */
    public static boolean isBlank(CharSequence text) {
        return text.codePoints().allMatch(TextRules::isInvisible);
    }

    static boolean isRefused(int codePoint) {
        if (Character.getType(codePoint) == Character.CONTROL) {
            return codePoint != '\t' && codePoint != '\n' && codePoint != '\r';
        }
        return isNoncharacter(codePoint);
    }

    static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || codePoint == 0x85
                || type == Character.FORMAT || type == Character.CONTROL
                || isOtherDefaultIgnorable(codePoint) || codePoint == BRAILLE_PATTERN_BLANK;
    }

    private static boolean isOtherDefaultIgnorable(int codePoint) {
        for (int[] range : OTHER_DEFAULT_IGNORABLE) {
            if (codePoint >= range[0] && codePoint <= range[1]) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNoncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    private static String refusal(int codePoint) {
        String name = String.format("U+%04X", codePoint);
        return isNoncharacter(codePoint)
                ? "must not contain noncharacters (" + name + ")"
                : "must not contain control characters other than tab and line breaks (" + name + ")";
    }
}
