package io.ticketchat.application.port.out;

import java.util.Optional;

/**
 * Hands out and redeems the single-use passes a browser spends on one WebSocket handshake (browsers
 * cannot send headers there). A ticket is issued to a caller the host has already authenticated, and
 * redeemed once, before it expires, by the handshake. The in-memory store suits one node; several
 * nodes behind a balancer without stickiness share one store.
 */
public interface WebSocketTicketStore {

    /**
     * The request attribute under which a transport that redeemed a ticket publishes its
     * {@link WebSocketTicketGrant}, so that later steps of the same handshake (a security filter, the
     * socket adapter) take the grant's principal instead of redeeming again.
     */
    String REDEEMED_GRANT_ATTRIBUTE = "io.ticketchat.webSocketTicket.redeemedGrant";

    WebSocketTicket issue(WebSocketTicketGrant grant);

    /** Consumes the ticket: the first redemption before expiry gets the grant, every later one nothing. */
    Optional<WebSocketTicketGrant> redeem(String ticket);
}
