package io.ticketchat.security.jwt;

import io.ticketchat.security.jwt.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ChatJwtSettingsTest {

    @Test
    void refusesASecretShorterThan32Bytes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ChatJwtSettings.withSecret("a".repeat(31)))
                .withMessageContaining("chat.security.jwt.secret is too short")
                .withMessageContaining("at least 32 bytes");
    }

    @Test
    void countsBytesNotCharacters() {
        // 16 two-byte characters are 32 bytes of key material.
        assertThat(ChatJwtSettings.withSecret("é".repeat(16)).secretBytes()).hasSize(32);
    }

    @Test
    void refusesAMissingSecret() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ChatJwtSettings(null, null, null, null))
                .withMessageContaining("chat.security.jwt.secret is not set");
    }

    @Test
    void defaultsTheClockSkewAndTreatsBlankIssuerAsNone() {
        ChatJwtSettings settings = new ChatJwtSettings(TestTokens.SECRET, " ", "", null);

        assertThat(settings.clockSkew()).isEqualTo(ChatJwtSettings.DEFAULT_CLOCK_SKEW);
        assertThat(settings.issuer()).isNull();
        assertThat(settings.audience()).isNull();
    }

    @Test
    void neverPrintsTheSecret() {
        assertThat(new ChatJwtSettings(TestTokens.SECRET, "issuer", null, Duration.ZERO).toString())
                .doesNotContain(TestTokens.SECRET);
    }
}
