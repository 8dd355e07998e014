package io.ticketchat.security.jwt;

import io.ticketchat.application.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryWebSocketTicketStoreTest {

    private final MutableClock clock = MutableClock.at("2026-01-15T10:30:00Z");
    private final InMemoryWebSocketTicketStore store = new InMemoryWebSocketTicketStore(clock);
    private final Authentication alice = new TestingAuthenticationToken("alice", "n/a");

    @Test
    void aTicketIsValidFor30Seconds() {
        WebSocketTicket ticket = store.issue(alice);

        assertThat(ticket.expiresAt()).isEqualTo(Instant.parse("2026-01-15T10:30:30Z"));
        clock.advance(Duration.ofSeconds(29));
        assertThat(store.redeem(ticket.value())).containsSame(alice);
    }

    @Test
    void aTicketCanBeRedeemedOnce() {
        WebSocketTicket ticket = store.issue(alice);

        assertThat(store.redeem(ticket.value())).containsSame(alice);
        assertThat(store.redeem(ticket.value())).isEmpty();
    }

    @Test
    void anExpiredTicketIsRefusedAndForgotten() {
        WebSocketTicket ticket = store.issue(alice);
        clock.advance(Duration.ofSeconds(30));

        assertThat(store.size()).isZero();
        assertThat(store.redeem(ticket.value())).isEmpty();
    }

    @Test
    void unknownAndEmptyTicketsAreRefused() {
        store.issue(alice);

        assertThat(store.redeem("guessed")).isEmpty();
        assertThat(store.redeem("")).isEmpty();
        assertThat(store.redeem(null)).isEmpty();
    }

    @Test
    void ticketsAreUnguessableAndDistinct() {
        Set<String> values = new HashSet<>();
        IntStream.range(0, 1_000).forEach(i -> values.add(store.issue(alice).value()));

        assertThat(values).hasSize(1_000).allSatisfy(value -> assertThat(value).matches("[A-Za-z0-9_-]{43}"));
    }

    @Test
    void holdsAtMostItsCapacity() {
        InMemoryWebSocketTicketStore small = new InMemoryWebSocketTicketStore(clock, Duration.ofSeconds(30), 10);
        IntStream.range(0, 100).forEach(i -> small.issue(alice));

        assertThat(small.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void neverPrintsTheTicketValue() {
        WebSocketTicket ticket = store.issue(alice);

        assertThat(ticket.toString()).doesNotContain(ticket.value());
    }
}
