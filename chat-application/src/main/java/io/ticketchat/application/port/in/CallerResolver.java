package io.ticketchat.application.port.in;

import java.security.Principal;
import java.util.Optional;

/**
 * How inbound adapters learn who is calling. REST and WebSocket adapters hand over the principal
 * their transport authenticated ({@code HttpServletRequest#getUserPrincipal()}, the socket
 * session's principal); the standalone JWT adapter or the embedding host turns it into a caller.
 * Empty means "not authenticated": the adapter answers 401 or refuses the socket.
 */
public interface CallerResolver {

    Optional<Caller> resolve(Principal principal);
}
