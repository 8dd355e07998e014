package io.ticketchat.security.jwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.core.Authentication;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Tickets in a bounded Caffeine cache that forgets them once they expire. Driven by the injected
 * clock, both for the expiry check and for eviction, so tests can move time.
 */
public class InMemoryWebSocketTicketStore implements WebSocketTicketStore {

    public static final Duration DEFAULT_VALIDITY = Duration.ofSeconds(30);
    public static final int DEFAULT_CAPACITY = 10_000;

    private static final int TICKET_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration validity;
    private final Cache<String, Pending> pending;

    public InMemoryWebSocketTicketStore(Clock clock, Duration validity, int capacity) {
        this.clock = clock;
        this.validity = validity;
        this.pending = Caffeine.newBuilder()
                .maximumSize(capacity)
                .expireAfterWrite(validity)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    public InMemoryWebSocketTicketStore(Clock clock) {
        this(clock, DEFAULT_VALIDITY, DEFAULT_CAPACITY);
    }

    @Override
    public WebSocketTicket issue(Authentication authentication) {
        byte[] bytes = new byte[TICKET_BYTES];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = clock.instant().plus(validity);
        pending.put(value, new Pending(authentication, expiresAt));
        return new WebSocketTicket(value, expiresAt);
    }

    @Override
    public Optional<Authentication> redeem(String ticket) {
        if (ticket == null || ticket.isEmpty()) {
            return Optional.empty();
        }
        // Removing is the single-use guarantee: of two racing handshakes only one gets the entry.
        Pending entry = pending.asMap().remove(ticket);
        if (entry == null || !clock.instant().isBefore(entry.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(entry.authentication());
    }

    long size() {
        pending.cleanUp();
        return pending.estimatedSize();
    }

    private record Pending(Authentication authentication, Instant expiresAt) {
    }
}
