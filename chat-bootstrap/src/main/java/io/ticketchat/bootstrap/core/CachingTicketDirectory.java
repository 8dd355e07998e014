package io.ticketchat.bootstrap.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.ticketchat.application.port.out.TicketDirectory;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.TicketSummary;

import java.time.Duration;
import java.util.Optional;

/**
 * Remembers the tickets found for a short while. Every use case looks its ticket up first, so without
 * this each message sent would read the host's tickets table once more. Only tickets that exist are
 * remembered: a ticket created a moment ago is found at once, while a deleted or renamed one may be
 * seen as it was for up to the time to live.
 */
final class CachingTicketDirectory implements TicketDirectory {

    static final long MAX_TICKETS = 100_000;

    private final TicketDirectory tickets;
    private final Cache<TicketId, TicketSummary> found;

    CachingTicketDirectory(TicketDirectory tickets, Duration timeToLive, Ticker ticker) {
        this.tickets = tickets;
        this.found = Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(MAX_TICKETS).ticker(ticker).build();
    }

    /** @return the directory itself when the time to live is zero: no caching at all */
    static TicketDirectory of(TicketDirectory tickets, Duration timeToLive) {
        return timeToLive.isZero() || timeToLive.isNegative() ? tickets
                : new CachingTicketDirectory(tickets, timeToLive, Ticker.systemTicker());
    }

    @Override
    public Optional<TicketSummary> find(TicketId ticketId) {
        TicketSummary known = found.getIfPresent(ticketId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<TicketSummary> ticket = tickets.find(ticketId);
        ticket.ifPresent(summary -> found.put(ticketId, summary));
        return ticket;
    }
}
