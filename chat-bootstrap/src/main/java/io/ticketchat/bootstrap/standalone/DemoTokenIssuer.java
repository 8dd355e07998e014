package io.ticketchat.bootstrap.standalone;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;

/** Signs development tokens for the demo's people with the service's own secret. Demo mode only. */
class DemoTokenIssuer {

    static final Duration LIFETIME = Duration.ofHours(12);

    private final MACSigner signer;
    private final Clock clock;

    DemoTokenIssuer(String secret, Clock clock) {
        try {
            this.signer = new MACSigner(secret.getBytes(StandardCharsets.UTF_8));
        } catch (JOSEException e) {
            throw new IllegalStateException("chat.security.jwt.secret cannot sign HS256 tokens", e);
        }
        this.clock = clock;
    }

    String agent(long userId, String name) {
        return sign(new JWTClaimsSet.Builder().subject(Long.toString(userId)).claim("user_type", "agent").claim("name", name));
    }

    String customer(long userId, String name, long ticketId) {
        return sign(new JWTClaimsSet.Builder().subject(Long.toString(userId)).claim("user_type", "customer").claim("name", name)
                .claim("ticket_ids", List.of(ticketId)));
    }

    private String sign(JWTClaimsSet.Builder claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
                claims.issueTime(Date.from(clock.instant())).expirationTime(Date.from(clock.instant().plus(LIFETIME))).build());
        try {
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a demo token", e);
        }
    }
}
