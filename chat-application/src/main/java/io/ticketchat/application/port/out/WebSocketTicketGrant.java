package io.ticketchat.application.port.out;

import java.security.Principal;
import java.util.Objects;
import java.util.Optional;

/**
 * What a ticket stands for: the principal it was issued to (the socket will resolve its caller from
 * it on every frame, as a request would) and, when it was issued inside an HTTP session, that
 * session's id, so that the socket ends with the session.
 */
public record WebSocketTicketGrant(Principal principal, String httpSessionId) {

    public WebSocketTicketGrant {
        Objects.requireNonNull(principal, "principal");
        if (httpSessionId != null && httpSessionId.isBlank()) {
            httpSessionId = null;
        }
    }

    public static WebSocketTicketGrant of(Principal principal) {
        return new WebSocketTicketGrant(principal, null);
    }

    public Optional<String> httpSession() {
        return Optional.ofNullable(httpSessionId);
    }

    @Override
    public String toString() {
        return "WebSocketTicketGrant[principal=" + principal.getName() + ", httpSession=" + (httpSessionId != null) + "]";
    }
}
