package io.ticketchat.security.jwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

/**
 * Remembers the tokens the verifier accepted, keyed by the exact token string, so that a client sending
 * the same bearer token on every request has it parsed and its signature checked once, not per request.
 *
 * <p>What a hit skips depends only on the token's bytes and the key: the same string verified with the
 * same secret always gives the same signature verdict and the same claims. Everything that depends on
 * time is checked again on every hit: the validator (expiry with its clock skew, and the issuer, audience
 * and chat claims with it) runs on the remembered token, so a token past its {@code exp} fails even if it
 * was accepted a second earlier. An entry is also dropped by then, so none is kept longer than its token
 * is valid. Refused tokens are never remembered: a forged or tampered string is a different key, and
 * verified from scratch. The cache is bounded; driven by the injected clock like the validator, so
 * tests can move time.
 */
final class CachingJwtDecoder implements JwtDecoder {

    /** A few megabytes at most; one-off tokens (socket handshakes) do not crowd out busy ones. */
    static final int DEFAULT_CAPACITY = 4_096;

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> accepted;

    /**
     * @param verifier  checks signature and claims; must itself apply {@code validator}
     * @param validator the verifier's validator, run again on every remembered token
     * @param clockSkew the tolerance the validator grants past {@code exp}
     */
    CachingJwtDecoder(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, Clock clock, Duration clockSkew, int capacity) {
        this.verifier = verifier;
        this.validator = validator;
        this.accepted = Caffeine.newBuilder()
                .maximumSize(capacity)
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> remaining(jwt, clock, clockSkew)))
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = accepted.getIfPresent(token);
        if (known == null) {
            Jwt verified = verifier.decode(token);
            if (verified.getExpiresAt() != null) {
                accepted.put(token, verified);
            }
            return verified;
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            accepted.invalidate(token);
            throw new JwtValidationException(message(result.getErrors()), result.getErrors());
        }
        return known;
    }

    long size() {
        accepted.cleanUp();
        return accepted.estimatedSize();
    }

    private static Duration remaining(Jwt jwt, Clock clock, Duration clockSkew) {
        Duration left = Duration.between(clock.instant(), jwt.getExpiresAt().plus(clockSkew));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** As Nimbus words it: the first described error, never shown to the client. */
    private static String message(Collection<OAuth2Error> errors) {
        return errors.stream()
                .filter(error -> error.getDescription() != null && !error.getDescription().isEmpty())
                .findFirst()
                .map(error -> "An error occurred while attempting to decode the Jwt: " + error.getDescription())
                .orElse("Unable to validate Jwt");
    }
}
