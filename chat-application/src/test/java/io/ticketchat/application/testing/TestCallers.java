package io.ticketchat.application.testing;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.port.in.CallerResolver;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A caller resolver for tests: a principal named after a registered key is that caller. */
public class TestCallers implements CallerResolver {

    private final Map<String, Caller> byName = new ConcurrentHashMap<>();

    public Principal register(String key, Caller caller) {
        byName.put(key, caller);
        return () -> key;
    }

    @Override
    public Optional<Caller> resolve(Principal principal) {
        return principal == null ? Optional.empty() : Optional.ofNullable(byName.get(principal.getName()));
    }
}
