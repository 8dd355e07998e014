package io.ticketchat.application.port.out;

import java.time.Instant;
import java.util.Objects;

/** A single-use pass for one WebSocket handshake. The value is a secret: never log it. */
public record WebSocketTicket(String value, Instant expiresAt) {

    public WebSocketTicket {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a ticket value must not be blank");
        }
    }

    @Override
    public String toString() {
        return "WebSocketTicket[expiresAt=" + expiresAt + "]";
    }
}
