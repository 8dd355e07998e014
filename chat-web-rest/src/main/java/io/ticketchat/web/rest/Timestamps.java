package io.ticketchat.web.rest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/**
 * The contract's time stamp format: ISO-8601 UTC with exactly three fractional digits
 * ({@code 2024-01-15T10:30:00.000Z}).
 *
 * <p>Years 0 to 9999 (every value a DATETIME column holds) are written digit by digit: a page of history
 * formats four stamps per message, and {@link DateTimeFormatter} spent 6 % of such a request's CPU in a
 * profile. Other years, which need a sign or more digits, go through the formatter, and a test compares
 * both on the same instants.
 */
public final class Timestamps {

    private static final DateTimeFormatter ISO_MILLIS = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();
    private static final int LENGTH = "2024-01-15T10:30:00.000Z".length();
    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z. */
    private static final long FIRST_SECOND = -62_167_219_200L;
    private static final long END_SECOND = 253_402_300_800L;

    private Timestamps() {
    }

    /** @return the formatted instant, or {@code null} for {@code null} */
    public static String format(Instant instant) {
        if (instant == null) {
            return null;
        }
        if (instant.getEpochSecond() < FIRST_SECOND || instant.getEpochSecond() >= END_SECOND) {
            return ISO_MILLIS.format(instant);
        }
        LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        char[] text = new char[LENGTH];
        digits(text, 0, utc.getYear(), 4);
        text[4] = '-';
        digits(text, 5, utc.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, utc.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, utc.getHour(), 2);
        text[13] = ':';
        digits(text, 14, utc.getMinute(), 2);
        text[16] = ':';
        digits(text, 17, utc.getSecond(), 2);
        text[19] = '.';
        digits(text, 20, utc.getNano() / 1_000_000, 3);
        text[23] = 'Z';
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
