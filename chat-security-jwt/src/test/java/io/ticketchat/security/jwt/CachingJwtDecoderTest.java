package io.ticketchat.security.jwt;

import io.ticketchat.application.testing.MutableClock;
import io.ticketchat.security.jwt.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The remembered tokens over the real HS256 verifier, counting how often it is asked. */
class CachingJwtDecoderTest {

    private static final Duration SKEW = Duration.ofSeconds(30);

    private final MutableClock clock = MutableClock.at("2026-01-15T10:30:00Z");
    private final TestTokens tokens = TestTokens.withDefaultSecret(clock);
    private final ChatJwtSettings settings = new ChatJwtSettings(TestTokens.SECRET, null, null, SKEW);
    private final OAuth2TokenValidator<Jwt> validator = ChatJwtDecoders.validator(settings, clock);
    private final JwtDecoder nimbus = ChatJwtDecoders.verifier(settings, validator);
    private final AtomicInteger verifications = new AtomicInteger();
    private final CachingJwtDecoder decoder = decoderOfCapacity(100);

    @Test
    void aTokenSentAgainIsVerifiedOnce() {
        String token = tokens.agent(7, "Alice Agent");

        Jwt first = decoder.decode(token);
        Jwt again = decoder.decode(token);

        assertThat(verifications).hasValue(1);
        assertThat(again.getSubject()).isEqualTo("7");
        assertThat(again.getClaimAsString("user_type")).isEqualTo(first.getClaimAsString("user_type"));
    }

    @Test
    void aTamperedCopyOfAnAcceptedTokenIsVerifiedAndRefused() {
        String token = tokens.customer(42, "Carl Customer", 1001);
        decoder.decode(token);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("1001", "1002");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        // A character inside the signature (the last one also carries padding bits).
        int inSignature = token.lastIndexOf('.') + 5;
        char other = token.charAt(inSignature) == 'A' ? 'B' : 'A';
        String resigned = token.substring(0, inSignature) + other + token.substring(inSignature + 1);

        assertRefused(tampered);
        assertRefused(resigned);
        assertThat(verifications).hasValue(3);
        assertThat(decoder.size()).isEqualTo(1);
    }

    @Test
    void anAcceptedTokenIsRefusedOnceItExpiresAsWithoutTheCache() {
        String token = tokens.token().subject(7).userType("agent").name("A").expiresIn(Duration.ofMinutes(5)).sign();
        decoder.decode(token);

        // The validator's own boundary: accepted up to exp + skew, inclusive.
        clock.advance(Duration.ofMinutes(5).plus(SKEW));
        assertThat(decoder.decode(token).getSubject()).isEqualTo("7");
        clock.advance(Duration.ofSeconds(1));
        assertRefused(token);
        assertRefused(token);

        assertThat(decoder.size()).isZero();
    }

    @Test
    void everyRememberedTokenIsValidatedAgain() {
        AtomicInteger validations = new AtomicInteger();
        OAuth2TokenValidator<Jwt> counted = jwt -> {
            validations.incrementAndGet();
            return validator.validate(jwt);
        };
        CachingJwtDecoder checking = new CachingJwtDecoder(ChatJwtDecoders.verifier(settings, counted), counted, clock, SKEW, 10);
        String token = tokens.agent(7, "Alice Agent");

        for (int i = 0; i < 3; i++) {
            checking.decode(token);
        }

        assertThat(validations).hasValue(3);
    }

    @Test
    void aRememberedTokenThatNoLongerValidatesIsRefusedAndForgotten() {
        String token = tokens.agent(7, "Alice Agent");
        AtomicInteger verdicts = new AtomicInteger();
        // Accepts the first time only, as if time had run out between two requests.
        OAuth2TokenValidator<Jwt> once = jwt -> verdicts.getAndIncrement() == 0
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "expired", null));
        CachingJwtDecoder checking = new CachingJwtDecoder(ChatJwtDecoders.verifier(settings, once), once, clock, SKEW, 10);
        checking.decode(token);
        assertThat(checking.size()).isEqualTo(1);

        assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> checking.decode(token))
                .withMessageContaining("expired");
        assertThat(checking.size()).isZero();
    }

    @Test
    void anEntryIsDroppedWhenItsTokenExpiresEvenIfNeverAskedAgain() {
        decoder.decode(tokens.token().subject(7).userType("agent").name("A").expiresIn(Duration.ofMinutes(1)).sign());
        assertThat(decoder.size()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1).plus(SKEW));

        assertThat(decoder.size()).isZero();
    }

    @Test
    void refusedTokensAreNeverRemembered() {
        String expired = tokens.token().subject(7).userType("agent").name("A").expiresIn(Duration.ofMinutes(-5)).sign();
        String forged = tokens.token().subject(7).userType("agent").name("A")
                .signedWith("another-secret-that-is-long-enough-0123456789").sign();

        for (int i = 0; i < 2; i++) {
            assertRefused(expired);
            assertRefused(forged);
            assertRefused(tokens.token().subject(7).userType("agent").name("A").unsigned());
        }

        assertThat(verifications).hasValue(6);
        assertThat(decoder.size()).isZero();
    }

    @Test
    void holdsNoMoreThanItsCapacity() {
        CachingJwtDecoder small = decoderOfCapacity(3);
        for (int user = 1; user <= 20; user++) {
            small.decode(tokens.agent(user, "Agent " + user));
        }

        assertThat(small.size()).isLessThanOrEqualTo(3);
    }

    private CachingJwtDecoder decoderOfCapacity(int capacity) {
        JwtDecoder counting = token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
        return new CachingJwtDecoder(counting, validator, clock, SKEW, capacity);
    }

    private void assertRefused(String token) {
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(token));
    }
}
