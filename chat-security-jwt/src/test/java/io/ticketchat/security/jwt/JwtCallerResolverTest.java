package io.ticketchat.security.jwt;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.testing.MutableClock;
import io.ticketchat.security.jwt.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JwtCallerResolverTest {

    private static final Duration SKEW = Duration.ofSeconds(30);

    private final MutableClock clock = MutableClock.at("2026-01-15T10:30:00Z");
    private final TestTokens tokens = TestTokens.withDefaultSecret(clock);
    private final JwtDecoder decoder = ChatJwtDecoders.hs256(
            new ChatJwtSettings(TestTokens.SECRET, null, null, SKEW), clock);
    private final JwtCallerResolver resolver = new JwtCallerResolver(clock, SKEW);

    @Test
    void resolvesAnAgent() {
        assertThat(resolver.resolve(authenticated(tokens.agent(7, "Alice Agent"))))
                .contains(Caller.agent(7, "Alice Agent"));
    }

    @Test
    void resolvesACustomerWithTheTicketsOfTheToken() {
        assertThat(resolver.resolve(authenticated(tokens.customer(42, "Carl Customer", 1001, 1002))))
                .contains(Caller.customer(42, "Carl Customer", 1001, 1002));
    }

    @Test
    void aCustomerWithoutTicketIdsMayAccessNoTicket() {
        String token = tokens.token().subject(42).userType("customer").name("Carl").sign();

        assertThat(resolver.resolve(authenticated(token))).get()
                .extracting(Caller::grantedTickets).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.COLLECTION)
                .isEmpty();
    }

    @Test
    void turnsEmptyOnceTheTokenHasExpired() {
        JwtAuthenticationToken principal = authenticated(
                tokens.token().subject(7).userType("agent").name("A").expiresIn(Duration.ofMinutes(5)).sign());

        clock.advance(Duration.ofMinutes(5).plus(SKEW).minusMillis(1));
        assertThat(resolver.resolve(principal)).isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(resolver.resolve(principal)).isEmpty();
    }

    @Test
    void tellsWhenThePrincipalStopsBeingAccepted() {
        JwtAuthenticationToken principal = authenticated(
                tokens.token().subject(7).userType("agent").name("A").expiresIn(Duration.ofMinutes(5)).sign());

        assertThat(resolver.expiresAt(principal)).contains(clock.instant().plus(Duration.ofMinutes(5)).plus(SKEW));
        assertThat(resolver.expiresAt(() -> "7")).isEmpty();
    }

    @Test
    void knowsNoOtherPrincipal() {
        assertThat(resolver.resolve(null)).isEmpty();
        assertThat(resolver.resolve(() -> "7")).isEmpty();
        assertThat(resolver.resolve(new TestingAuthenticationToken("7", "n/a", "ROLE_AGENT"))).isEmpty();
    }

    private JwtAuthenticationToken authenticated(String token) {
        return new JwtAuthenticationToken(decoder.decode(token), List.of());
    }
}
