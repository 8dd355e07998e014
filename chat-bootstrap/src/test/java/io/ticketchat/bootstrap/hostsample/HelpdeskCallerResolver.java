package io.ticketchat.bootstrap.hostsample;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.port.in.CallerResolver;

import java.security.Principal;
import java.util.Optional;

/** The host's side of the chat's {@link CallerResolver} port: its principal, as a chat caller. */
class HelpdeskCallerResolver implements CallerResolver {

    @Override
    public Optional<Caller> resolve(Principal principal) {
        if (!(principal instanceof HelpdeskUser user)) {
            return Optional.empty();
        }
        return switch (user.role()) {
            case "agent" -> Optional.of(Caller.agent(user.id(), user.displayName()));
            case "customer" -> Optional.of(Caller.customer(user.id(), user.displayName()));
            default -> Optional.empty();
        };
    }
}
