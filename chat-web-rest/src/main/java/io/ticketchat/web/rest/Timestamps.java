package io.ticketchat.web.rest;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/** The contract's time stamp format: ISO-8601 UTC with exactly three fractional digits. */
public final class Timestamps {

    private static final DateTimeFormatter ISO_MILLIS = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

    private Timestamps() {
    }

    /** @return the formatted instant, or {@code null} for {@code null} */
    public static String format(Instant instant) {
        return instant == null ? null : ISO_MILLIS.format(instant);
    }
}
