package io.ticketchat.security.jwt;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import javax.crypto.spec.SecretKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the decoder that accepts exactly the chat's tokens: HS256, signed with the secret, {@code exp}
 * present. Tokens it accepted are remembered until they expire, so a token sent again is not verified
 * again ({@link CachingJwtDecoder}); its expiry and claims are.
 */
public final class ChatJwtDecoders {

    private ChatJwtDecoders() {
    }

    public static JwtDecoder hs256(ChatJwtSettings settings, Clock clock) {
        OAuth2TokenValidator<Jwt> validator = validator(settings, clock);
        return new CachingJwtDecoder(verifier(settings, validator), validator, clock, settings.clockSkew(),
                CachingJwtDecoder.DEFAULT_CAPACITY);
    }

    static JwtDecoder verifier(ChatJwtSettings settings, OAuth2TokenValidator<Jwt> validator) {
        // Pinning the MAC algorithm makes Nimbus refuse "alg: none" and every other algorithm outright.
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withSecretKey(new SecretKeySpec(settings.secretBytes(), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(validator);
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(ChatJwtSettings settings, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(settings.clockSkew());
        timestamps.setClock(clock);
        timestamps.setAllowEmptyExpiryClaim(false);
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(timestamps));
        if (settings.issuer() != null) {
            validators.add(new JwtIssuerValidator(settings.issuer()));
        }
        if (settings.audience() != null) {
            validators.add(new JwtAudienceValidator(settings.audience()));
        }
        validators.add(new ChatClaimsValidator());
        return new DelegatingOAuth2TokenValidator<>(validators);
    }
}
