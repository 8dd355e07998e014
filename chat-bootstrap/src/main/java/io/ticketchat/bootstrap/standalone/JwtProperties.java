package io.ticketchat.bootstrap.standalone;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The standalone service's bearer tokens. Read by {@code ChatJwtSecurityConfiguration} through the
 * environment (the JWT module does not depend on bootstrap); bound here so they are documented and checked.
 */
@ConfigurationProperties("chat.security.jwt")
public class JwtProperties {

    /** HS256 secret shared with the token issuer; at least 32 bytes or the service refuses to start. */
    private String secret;

    /** Required "iss" claim, if set. */
    private String issuer;

    /** Required "aud" claim, if set. */
    private String audience;

    /** Tolerance for clocks that disagree when checking "exp". */
    private Duration clockSkew = Duration.ofSeconds(30);

    public Duration getClockSkew() {
        return clockSkew;
    }

    public void setClockSkew(Duration clockSkew) {
        this.clockSkew = clockSkew;
    }

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }
}
