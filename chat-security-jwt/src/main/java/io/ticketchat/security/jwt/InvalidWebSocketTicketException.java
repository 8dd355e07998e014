package io.ticketchat.security.jwt;

import org.springframework.security.core.AuthenticationException;

/** The {@code ticket} on a WebSocket handshake is unknown, already used or expired. */
public class InvalidWebSocketTicketException extends AuthenticationException {

    public InvalidWebSocketTicketException() {
        super("invalid WebSocket ticket");
    }
}
