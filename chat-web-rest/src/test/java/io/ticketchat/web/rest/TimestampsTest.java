package io.ticketchat.web.rest;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTest {

    private static final DateTimeFormatter REFERENCE = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

    @Test
    void writesUtcWithExactlyThreeFractionalDigits() {
        assertThat(Timestamps.format(Instant.parse("2024-01-15T10:30:00Z"))).isEqualTo("2024-01-15T10:30:00.000Z");
        assertThat(Timestamps.format(Instant.parse("2024-02-29T23:59:59.999999999Z"))).isEqualTo("2024-02-29T23:59:59.999Z");
        assertThat(Timestamps.format(Instant.parse("1970-01-01T00:00:00.007Z"))).isEqualTo("1970-01-01T00:00:00.007Z");
        assertThat(Timestamps.format(null)).isNull();
    }

    @Test
    void agreesWithTheIsoFormatterOnAnyInstant() {
        SplittableRandom random = new SplittableRandom(20261127);
        long[] edges = {Instant.MIN.getEpochSecond(), -62_167_219_201L, -62_167_219_200L, -1, 0, 253_402_300_799L, 253_402_300_800L,
                Instant.MAX.getEpochSecond()};
        for (long seconds : edges) {
            assertSameAsReference(Instant.ofEpochSecond(seconds, 999_999_999));
            assertSameAsReference(Instant.ofEpochSecond(seconds));
        }
        for (int i = 0; i < 100_000; i++) {
            // Mostly years 0 to 9999, some far outside them.
            long seconds = i % 10 == 0 ? random.nextLong(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
                    : random.nextLong(-62_167_219_200L, 253_402_300_800L);
            assertSameAsReference(Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000)));
        }
    }

    private static void assertSameAsReference(Instant instant) {
        assertThat(Timestamps.format(instant)).as("%s", instant).isEqualTo(REFERENCE.format(instant));
    }
}
