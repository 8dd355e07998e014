package io.ticketchat.application.service;

import io.ticketchat.application.port.out.WebSocketTicket;
import io.ticketchat.application.port.out.WebSocketTicketGrant;
import io.ticketchat.application.port.out.WebSocketTicketStore;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The tickets of one node, in memory. Every ticket lives equally long, so insertion order is expiry
 * order: expired ones are dropped from the head on every issue, and past the capacity the oldest go
 * first. The map is guarded by its own lock; both operations are a few map steps, and a ticket is
 * issued once per socket opened, not per frame.
 */
public final class InMemoryWebSocketTicketStore implements WebSocketTicketStore {

    public static final Duration DEFAULT_VALIDITY = Duration.ofSeconds(30);
    public static final int DEFAULT_CAPACITY = 10_000;

    private static final int TICKET_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration validity;
    private final int capacity;
    private final LinkedHashMap<String, Pending> pending = new LinkedHashMap<>();

    public InMemoryWebSocketTicketStore(Clock clock, Duration validity, int capacity) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.validity = Objects.requireNonNull(validity, "validity");
        if (validity.isNegative() || validity.isZero() || capacity < 1) {
            throw new IllegalArgumentException("validity and capacity must be positive");
        }
        this.capacity = capacity;
    }

    public InMemoryWebSocketTicketStore(Clock clock) {
        this(clock, DEFAULT_VALIDITY, DEFAULT_CAPACITY);
    }

    @Override
    public WebSocketTicket issue(WebSocketTicketGrant grant) {
        Objects.requireNonNull(grant, "grant");
        byte[] bytes = new byte[TICKET_BYTES];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(validity);
        synchronized (pending) {
            dropExpired(now);
            while (pending.size() >= capacity) {
                Iterator<String> oldest = pending.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            pending.put(value, new Pending(grant, expiresAt));
        }
        return new WebSocketTicket(value, expiresAt);
    }

    @Override
    public Optional<WebSocketTicketGrant> redeem(String ticket) {
        if (ticket == null || ticket.isEmpty()) {
            return Optional.empty();
        }
        Pending entry;
        synchronized (pending) {
            // Removing is the single-use guarantee: of two racing handshakes only one gets the entry.
            entry = pending.remove(ticket);
        }
        if (entry == null || !clock.instant().isBefore(entry.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(entry.grant());
    }

    /** Tickets held right now, expired ones not counted; for tests. */
    public int size() {
        synchronized (pending) {
            dropExpired(clock.instant());
            return pending.size();
        }
    }

    private void dropExpired(Instant now) {
        Iterator<Map.Entry<String, Pending>> entries = pending.entrySet().iterator();
        while (entries.hasNext() && !now.isBefore(entries.next().getValue().expiresAt())) {
            entries.remove();
        }
    }

    private record Pending(WebSocketTicketGrant grant, Instant expiresAt) {
    }
}
