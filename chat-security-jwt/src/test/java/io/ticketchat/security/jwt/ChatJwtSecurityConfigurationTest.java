package io.ticketchat.security.jwt;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.port.in.CallerResolver;
import io.ticketchat.security.jwt.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ChatJwtSecurityConfigurationTest {

    /** Imported the way chat-bootstrap's auto-configuration does: after the host's own beans. */
    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ChatJwtSecurityConfiguration.class));

    @Test
    void refusesToStartWithAShortSecret() {
        runner.withPropertyValues("chat.security.jwt.secret=only-twenty-six-bytes-long")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("chat.security.jwt.secret is too short")
                            .hasMessageContaining("the configured secret has 26");
                });
    }

    @Test
    void refusesToStartWithoutASecret() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("chat.security.jwt.secret is not set");
        });
    }

    @Test
    void startsWithAGoodSecretAndResolvesCallersFromTokens() {
        runner.withPropertyValues("chat.security.jwt.secret=" + TestTokens.SECRET, "chat.security.jwt.clock-skew=5s")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).getBean(CallerResolver.class).isInstanceOf(JwtCallerResolver.class);
                    assertThat(context.getBean(ChatJwtSettings.class).clockSkew()).hasSeconds(5);
                });
    }

    @Test
    void aHostsCallerResolverWins() {
        runner.withPropertyValues("chat.security.jwt.secret=" + TestTokens.SECRET)
                .withUserConfiguration(HostCallers.class)
                .run(context -> assertThat(context).getBean(CallerResolver.class).isSameAs(HostCallers.RESOLVER));
    }

    @Test
    void observesAuthenticationsButNotEachFilterNorTheAuthorizationUnlessTheApplicationSaysOtherwise() {
        runner.withPropertyValues("chat.security.jwt.secret=" + TestTokens.SECRET)
                .run(context -> {
                    SecurityObservationSettings settings = context.getBean(SecurityObservationSettings.class);
                    assertThat(settings.shouldObserveRequests()).isFalse();
                    assertThat(settings.shouldObserveAuthentications()).isTrue();
                    assertThat(settings.shouldObserveAuthorizations()).isFalse();
                });
        runner.withPropertyValues("chat.security.jwt.secret=" + TestTokens.SECRET)
                .withBean(SecurityObservationSettings.class, SecurityObservationSettings::noObservations)
                .run(context -> assertThat(context.getBean(SecurityObservationSettings.class).shouldObserveAuthentications()).isFalse());
    }

    @Configuration(proxyBeanMethods = false)
    static class HostCallers {

        static final CallerResolver RESOLVER = principal -> Optional.of(Caller.agent(1, "Host"));

        @Bean
        CallerResolver hostCallerResolver() {
            return RESOLVER;
        }
    }
}
