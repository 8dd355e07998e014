package io.ticketchat.security.jwt.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

/**
 * Mints the bearer tokens the chat accepts, and the broken ones it must refuse, for tests of this
 * module and of chat-bootstrap. Times come from the given clock so tests can expire tokens at will.
 */
public final class TestTokens {

    /** 44 bytes: comfortably over the 32-byte minimum. Configure it as {@code chat.security.jwt.secret}. */
    public static final String SECRET = "ticket-chat-test-secret-0123456789-abcdefgh";

    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    private final String secret;
    private final Clock clock;

    public TestTokens(String secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    public static TestTokens withDefaultSecret(Clock clock) {
        return new TestTokens(SECRET, clock);
    }

    public String agent(long userId, String name) {
        return token().subject(userId).userType("agent").name(name).sign();
    }

    public String customer(long userId, String name, long... ticketIds) {
        return token().subject(userId).userType("customer").name(name).ticketIds(ticketIds).sign();
    }

    /** A token to shape by hand: valid for {@link #DEFAULT_LIFETIME} until told otherwise. */
    public Builder token() {
        return new Builder();
    }

    public final class Builder {

        private final JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .expirationTime(Date.from(clock.instant().plus(DEFAULT_LIFETIME)));
        private String signingSecret = secret;

        public Builder subject(long userId) {
            return subject(Long.toString(userId));
        }

        public Builder subject(String subject) {
            claims.subject(subject);
            return this;
        }

        public Builder userType(String userType) {
            return claim("user_type", userType);
        }

        public Builder name(String name) {
            return claim("name", name);
        }

        public Builder ticketIds(long... ticketIds) {
            return claim("ticket_ids", Arrays.stream(ticketIds).boxed().toList());
        }

        public Builder expiresAt(Instant expiresAt) {
            claims.expirationTime(expiresAt == null ? null : Date.from(expiresAt));
            return this;
        }

        public Builder expiresIn(Duration lifetime) {
            return expiresAt(clock.instant().plus(lifetime));
        }

        public Builder withoutExpiry() {
            return expiresAt(null);
        }

        public Builder issuer(String issuer) {
            claims.issuer(issuer);
            return this;
        }

        public Builder audience(String... audience) {
            claims.audience(List.of(audience));
            return this;
        }

        public Builder claim(String name, Object value) {
            claims.claim(name, value);
            return this;
        }

        /** Signs with another key, as a forger without the secret would. */
        public Builder signedWith(String otherSecret) {
            this.signingSecret = otherSecret;
            return this;
        }

        public String sign() {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
                jwt.sign(new MACSigner(signingSecret.getBytes(StandardCharsets.UTF_8)));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException("cannot sign a test token", e);
            }
        }

        /** The same claims with {@code "alg": "none"} and no signature. */
        public String unsigned() {
            return new PlainJWT(claims.build()).serialize();
        }
    }
}
