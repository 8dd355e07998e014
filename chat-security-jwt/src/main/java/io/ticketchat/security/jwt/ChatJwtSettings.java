package io.ticketchat.security.jwt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * How the standalone service checks bearer tokens.
 *
 * @param secret    the HS256 key, used as its UTF-8 bytes; at least {@value #MIN_SECRET_BYTES} bytes
 * @param issuer    the required {@code iss}, or {@code null} to accept any
 * @param audience  a value {@code aud} must contain, or {@code null} to accept any
 * @param clockSkew tolerance for {@code exp} and {@code nbf} between the token issuer's clock and ours
 */
public record ChatJwtSettings(String secret, String issuer, String audience, Duration clockSkew) {

    /** HS256 keys shorter than the hash output (256 bits) weaken the MAC (RFC 7518, section 3.2). */
    public static final int MIN_SECRET_BYTES = 32;

    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);

    public ChatJwtSettings {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("chat.security.jwt.secret is not set: the chat cannot check bearer tokens without it");
        }
        int length = secret.getBytes(StandardCharsets.UTF_8).length;
        if (length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("chat.security.jwt.secret is too short: HS256 needs at least "
                    + MIN_SECRET_BYTES + " bytes, the configured secret has " + length);
        }
        issuer = blankToNull(issuer);
        audience = blankToNull(audience);
        clockSkew = Objects.requireNonNullElse(clockSkew, DEFAULT_CLOCK_SKEW);
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("chat.security.jwt.clock-skew must not be negative");
        }
    }

    public static ChatJwtSettings withSecret(String secret) {
        return new ChatJwtSettings(secret, null, null, DEFAULT_CLOCK_SKEW);
    }

    byte[] secretBytes() {
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Keeps the secret out of logs and failure messages that print the settings. */
    @Override
    public String toString() {
        return "ChatJwtSettings[issuer=" + issuer + ", audience=" + audience + ", clockSkew=" + clockSkew + "]";
    }
}
