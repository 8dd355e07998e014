package io.ticketchat.bootstrap.core;

import io.ticketchat.application.port.out.TicketDirectory;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.TicketSummary;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class CachingTicketDirectoryTest {

    private static final TicketId TICKET = TicketId.of(7);

    private final Map<TicketId, TicketSummary> table = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final TicketDirectory host = id -> {
        lookups.incrementAndGet();
        return Optional.ofNullable(table.get(id));
    };
    private final AtomicLong nanos = new AtomicLong();
    private final TicketDirectory cached = new CachingTicketDirectory(host, Duration.ofSeconds(10), nanos::get);

    @Test
    void aFoundTicketIsReadOnceWithinItsTimeToLive() {
        table.put(TICKET, new TicketSummary(TICKET, "John Doe", "Login fails"));

        for (int i = 0; i < 5; i++) {
            assertThat(cached.find(TICKET)).map(TicketSummary::issueTitle).contains("Login fails");
        }

        assertThat(lookups).hasValue(1);
    }

    @Test
    void aChangedTicketIsSeenOnceItsTimeToLivePassed() {
        table.put(TICKET, new TicketSummary(TICKET, "John Doe", "Login fails"));
        cached.find(TICKET);
        table.put(TICKET, new TicketSummary(TICKET, "John Doe", "Login fails on mobile"));

        nanos.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(cached.find(TICKET)).map(TicketSummary::issueTitle).contains("Login fails");
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(cached.find(TICKET)).map(TicketSummary::issueTitle).contains("Login fails on mobile");
    }

    @Test
    void aMissingTicketIsNotRememberedSoItIsFoundAsSoonAsItExists() {
        assertThat(cached.find(TICKET)).isEmpty();

        table.put(TICKET, new TicketSummary(TICKET, "John Doe", "Login fails"));

        assertThat(cached.find(TICKET)).isPresent();
        assertThat(lookups).hasValue(2);
    }

    @Test
    void aZeroTimeToLiveReadsTheDirectoryEveryTime() {
        table.put(TICKET, new TicketSummary(TICKET, "John Doe", "Login fails"));
        TicketDirectory uncached = CachingTicketDirectory.of(host, Duration.ZERO);

        uncached.find(TICKET);
        uncached.find(TICKET);

        assertThat(uncached).isSameAs(host);
        assertThat(lookups).hasValue(2);
    }
}
