package io.ticketchat.persistence.jooq;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * DATETIME(3) columns hold UTC wall-clock times. Converting here, rather than through the JDBC
 * driver's time zone handling, keeps the stored values independent of the JVM's and the server's zone.
 */
final class UtcTimes {

    private UtcTimes() {
    }

    /** Truncates to milliseconds first: MySQL would round the rest away, MariaDB truncate it. */
    static LocalDateTime toColumn(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(toStoredPrecision(instant), ZoneOffset.UTC);
    }

    static Instant fromColumn(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    static Instant toStoredPrecision(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
