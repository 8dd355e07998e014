package io.ticketchat.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/** Mints HS256 tokens with the secret the bench gives the server it starts. */
final class Tokens {

    private final String secret;
    private final MACSigner signer;

    Tokens(String secret) {
        this.secret = secret;
        try {
            this.signer = new MACSigner(secret.getBytes(StandardCharsets.UTF_8));
        } catch (JOSEException e) {
            throw new IllegalStateException("secret cannot sign HS256", e);
        }
    }

    static Tokens withRandomSecret() {
        byte[] key = new byte[48];
        new SecureRandom().nextBytes(key);
        return new Tokens(Base64.getEncoder().encodeToString(key));
    }

    String secret() {
        return secret;
    }

    String agent(long userId) {
        return sign(new JWTClaimsSet.Builder().subject(Long.toString(userId)).claim("user_type", "agent")
                .claim("name", "Agent " + userId));
    }

    String customer(long userId, long ticketId) {
        return sign(new JWTClaimsSet.Builder().subject(Long.toString(userId)).claim("user_type", "customer")
                .claim("name", "Customer " + userId).claim("ticket_ids", List.of(ticketId)));
    }

    private String sign(JWTClaimsSet.Builder claims) {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
                claims.issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(2)))).build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a bench token", e);
        }
        return jwt.serialize();
    }
}
