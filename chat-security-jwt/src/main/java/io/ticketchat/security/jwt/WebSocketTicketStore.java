package io.ticketchat.security.jwt;

import org.springframework.security.core.Authentication;

import java.util.Optional;

/**
 * Hands out and redeems WebSocket handshake tickets. The in-memory store suits one node; a host
 * that balances handshakes across nodes without stickiness replaces it with a shared one.
 */
public interface WebSocketTicketStore {

    WebSocketTicket issue(Authentication authentication);

    /** Consumes the ticket: the first redemption before expiry gets the authentication, every later one nothing. */
    Optional<Authentication> redeem(String ticket);
}
