package io.ticketchat.security.jwt;

import java.time.Instant;

/** A single-use pass for one WebSocket handshake. The value is a secret: never log it. */
public record WebSocketTicket(String value, Instant expiresAt) {

    @Override
    public String toString() {
        return "WebSocketTicket[expiresAt=" + expiresAt + "]";
    }
}
