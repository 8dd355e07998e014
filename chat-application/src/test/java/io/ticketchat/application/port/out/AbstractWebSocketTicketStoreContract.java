package io.ticketchat.application.port.out;

import io.ticketchat.application.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link WebSocketTicketStore} promises: a ticket lives 30 seconds (the clock given to
 * {@link #store}), is redeemed at most once even by racing handshakes, carries its grant unchanged and
 * cannot be guessed. Each adapter's test extends this with its own store.
 */
public abstract class AbstractWebSocketTicketStoreContract {

    protected final MutableClock clock = MutableClock.at("2026-01-15T10:30:00Z");
    private final Principal alice = () -> "alice";

    /** A fresh, empty store on {@code clock} with a validity of 30 seconds. */
    protected abstract WebSocketTicketStore store(MutableClock clock);

    @Test
    void aTicketIsValidFor30Seconds() {
        WebSocketTicketStore store = store(clock);
        WebSocketTicket ticket = store.issue(WebSocketTicketGrant.of(alice));

        assertThat(ticket.expiresAt()).isEqualTo(Instant.parse("2026-01-15T10:30:30Z"));
        clock.advance(Duration.ofSeconds(29));
        assertThat(store.redeem(ticket.value())).map(WebSocketTicketGrant::principal).containsSame(alice);
    }

    @Test
    void aTicketCanBeRedeemedOnce() {
        WebSocketTicketStore store = store(clock);
        WebSocketTicket ticket = store.issue(WebSocketTicketGrant.of(alice));

        assertThat(store.redeem(ticket.value())).isPresent();
        assertThat(store.redeem(ticket.value())).isEmpty();
    }

    @Test
    void anExpiredTicketIsRefused() {
        WebSocketTicketStore store = store(clock);
        WebSocketTicket ticket = store.issue(WebSocketTicketGrant.of(alice));
        clock.advance(Duration.ofSeconds(30));

        assertThat(store.redeem(ticket.value())).isEmpty();
    }

    @Test
    void theGrantKeepsItsHttpSession() {
        WebSocketTicketStore store = store(clock);
        WebSocketTicket ticket = store.issue(new WebSocketTicketGrant(alice, "session-1"));

        assertThat(store.redeem(ticket.value())).hasValueSatisfying(grant -> {
            assertThat(grant.principal().getName()).isEqualTo("alice");
            assertThat(grant.httpSession()).contains("session-1");
        });
    }

    @Test
    void unknownAndEmptyTicketsAreRefused() {
        WebSocketTicketStore store = store(clock);
        store.issue(WebSocketTicketGrant.of(alice));

        assertThat(store.redeem("guessed")).isEmpty();
        assertThat(store.redeem("")).isEmpty();
        assertThat(store.redeem(null)).isEmpty();
    }

    @Test
    void ticketsAreUnguessableAndDistinct() {
        WebSocketTicketStore store = store(clock);
        Set<String> values = new HashSet<>();
        IntStream.range(0, 1_000).forEach(i -> values.add(store.issue(WebSocketTicketGrant.of(alice)).value()));

        assertThat(values).hasSize(1_000).allSatisfy(value -> assertThat(value).matches("[A-Za-z0-9_-]{43,}"));
    }

    @Test
    void racingRedemptionsGetTheGrantOnce() throws Exception {
        WebSocketTicketStore store = store(clock);
        WebSocketTicket ticket = store.issue(WebSocketTicketGrant.of(alice));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Optional<WebSocketTicketGrant>>> attempts = new ArrayList<>();
            IntStream.range(0, 16).forEach(i -> attempts.add(() -> store.redeem(ticket.value())));
            long won = 0;
            for (Future<Optional<WebSocketTicketGrant>> attempt : threads.invokeAll(attempts)) {
                won += attempt.get().isPresent() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void neverPrintsTheTicketValue() {
        WebSocketTicket ticket = store(clock).issue(WebSocketTicketGrant.of(alice));

        assertThat(ticket.toString()).doesNotContain(ticket.value());
    }
}
