package io.ticketchat.bootstrap.sessionhost;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.port.in.CallerResolver;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;

import java.security.Principal;
import java.util.Optional;

/**
 * The chat's one required port, answered from Spring Security's {@link Authentication}: the request's
 * principal over REST, the ticket's (or the handshake's) principal on the socket.
 */
class HelpdeskSecurityCallerResolver implements CallerResolver {

    @Override
    public Optional<Caller> resolve(Principal principal) {
        if (!(principal instanceof Authentication authentication) || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken
                || !(authentication.getPrincipal() instanceof HelpdeskAccount account)) {
            return Optional.empty();
        }
        return Optional.of(switch (account.role()) {
            case AGENT -> Caller.agent(account.id(), account.displayName());
            // No ticket list: HelpdeskTicketOwnership asks the tickets table instead.
            case CUSTOMER -> Caller.customer(account.id(), account.displayName());
        });
    }
}
