package io.ticketchat.security.jwt;

import io.ticketchat.application.testing.MutableClock;
import io.ticketchat.security.jwt.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ChatJwtDecodersTest {

    private final MutableClock clock = MutableClock.at("2026-01-15T10:30:00Z");
    private final TestTokens tokens = TestTokens.withDefaultSecret(clock);
    private final JwtDecoder decoder = ChatJwtDecoders.hs256(ChatJwtSettings.withSecret(TestTokens.SECRET), clock);

    @Test
    void acceptsAnAgentToken() {
        Jwt jwt = decoder.decode(tokens.agent(7, "Alice Agent"));

        assertThat(jwt.getSubject()).isEqualTo("7");
        assertThat(jwt.getClaimAsString("user_type")).isEqualTo("agent");
    }

    @Test
    void refusesAnExpiredToken() {
        String token = tokens.token().subject(7).userType("agent").name("A").expiresIn(Duration.ofMinutes(5)).sign();
        clock.advance(Duration.ofMinutes(6));

        assertRefused(token);
    }

    @Test
    void toleratesTheConfiguredClockSkewOnly() {
        String token = tokens.token().subject(7).userType("agent").name("A").expiresIn(Duration.ofMinutes(1)).sign();

        clock.advance(Duration.ofSeconds(80));
        assertThat(decoder.decode(token).getSubject()).isEqualTo("7");
        clock.advance(Duration.ofSeconds(20));
        assertRefused(token);
    }

    @Test
    void refusesATokenWithoutExpiry() {
        assertRefused(tokens.token().subject(7).userType("agent").name("A").withoutExpiry().sign());
    }

    @Test
    void refusesAlgNone() {
        assertRefused(tokens.token().subject(7).userType("agent").name("A").unsigned());
    }

    @Test
    void refusesAWrongSignature() {
        assertRefused(tokens.token().subject(7).userType("agent").name("A")
                .signedWith("another-secret-that-is-long-enough-0123456789").sign());
    }

    @Test
    void refusesGarbage() {
        assertRefused("not.a.jwt");
    }

    @Test
    void refusesMalformedChatClaims() {
        assertRefused(tokens.token().subject("7x").userType("agent").name("A").sign());
        assertRefused(tokens.token().subject("99999999999").userType("agent").name("A").sign());
        assertRefused(tokens.token().subject(7).userType("admin").name("A").sign());
        assertRefused(tokens.token().subject(7).userType("customer").sign());
        assertRefused(tokens.token().subject(7).userType("customer").name("C").claim("ticket_ids", "1,2").sign());
        assertRefused(tokens.token().subject(7).userType("customer").name("C").claim("ticket_ids", java.util.List.of("1")).sign());
        assertRefused(tokens.token().subject(7).userType("customer").name("C").ticketIds(-1).sign());
    }

    @Test
    void checksIssuerAndAudienceWhenConfigured() {
        JwtDecoder strict = ChatJwtDecoders.hs256(
                new ChatJwtSettings(TestTokens.SECRET, "https://tickets.example", "ticket-chat", Duration.ZERO), clock);
        String good = tokens.token().subject(7).userType("agent").name("A")
                .issuer("https://tickets.example").audience("ticket-chat").sign();

        assertThat(strict.decode(good).getSubject()).isEqualTo("7");
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> strict.decode(tokens.agent(7, "A")));
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> strict.decode(tokens.token().subject(7)
                .userType("agent").name("A").issuer("https://tickets.example").audience("someone-else").sign()));
    }

    private void assertRefused(String token) {
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(token));
    }
}
