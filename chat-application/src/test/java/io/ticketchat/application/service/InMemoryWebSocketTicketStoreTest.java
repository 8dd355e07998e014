package io.ticketchat.application.service;

import io.ticketchat.application.port.out.AbstractWebSocketTicketStoreContract;
import io.ticketchat.application.port.out.WebSocketTicketGrant;
import io.ticketchat.application.port.out.WebSocketTicketStore;
import io.ticketchat.application.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryWebSocketTicketStoreTest extends AbstractWebSocketTicketStoreContract {

    @Override
    protected WebSocketTicketStore store(MutableClock clock) {
        return new InMemoryWebSocketTicketStore(clock);
    }

    @Test
    void expiredTicketsAreForgotten() {
        InMemoryWebSocketTicketStore store = new InMemoryWebSocketTicketStore(clock);
        store.issue(WebSocketTicketGrant.of(() -> "alice"));
        clock.advance(Duration.ofSeconds(30));

        assertThat(store.size()).isZero();
    }

    @Test
    void holdsAtMostItsCapacity() {
        InMemoryWebSocketTicketStore small = new InMemoryWebSocketTicketStore(clock, Duration.ofSeconds(30), 10);
        IntStream.range(0, 100).forEach(i -> small.issue(WebSocketTicketGrant.of(() -> "alice")));

        assertThat(small.size()).isEqualTo(10);
    }
}
