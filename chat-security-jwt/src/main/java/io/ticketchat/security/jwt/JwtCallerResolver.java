package io.ticketchat.security.jwt;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.port.in.CallerResolver;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads the caller from the verified token Spring Security put behind the request or socket.
 * Checks expiry itself on every call: a socket keeps its handshake principal for its whole life,
 * and the WebSocket adapter relies on this resolver turning empty once the token has run out.
 */
public class JwtCallerResolver implements CallerResolver {

    private final Clock clock;
    private final Duration clockSkew;

    public JwtCallerResolver(Clock clock, Duration clockSkew) {
        this.clock = clock;
        this.clockSkew = clockSkew;
    }

    @Override
    public Optional<Caller> resolve(Principal principal) {
        if (!(principal instanceof JwtAuthenticationToken authentication) || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        Jwt jwt = authentication.getToken();
        if (expired(jwt.getExpiresAt())) {
            return Optional.empty();
        }
        try {
            return Optional.of(ChatClaims.toCaller(jwt));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The moment this resolver stops accepting the principal's token (its {@code exp} plus the clock
     * skew), for transports that want to schedule the close instead of asking on every frame.
     */
    public Optional<Instant> expiresAt(Principal principal) {
        if (principal instanceof JwtAuthenticationToken authentication && authentication.getToken().getExpiresAt() != null) {
            return Optional.of(authentication.getToken().getExpiresAt().plus(clockSkew));
        }
        return Optional.empty();
    }

    private boolean expired(Instant expiresAt) {
        return expiresAt == null || !clock.instant().isBefore(expiresAt.plus(clockSkew));
    }
}
