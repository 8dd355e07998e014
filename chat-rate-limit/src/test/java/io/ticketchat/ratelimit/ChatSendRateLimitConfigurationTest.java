package io.ticketchat.ratelimit;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.port.out.SendRateLimiter;
import io.ticketchat.application.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ChatSendRateLimitConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ChatSendRateLimitConfiguration.class));

    @Test
    void limitsWithBucket4jByDefault() {
        runner.run(context -> assertThat(context).getBean(SendRateLimiter.class).isInstanceOf(Bucket4jSendRateLimiter.class));
    }

    @Test
    void usesTheChatClockAndTheGivenSettings() {
        runner.withBean("chatClock", MutableClock.class, () -> MutableClock.at("2026-01-15T10:30:00Z"))
                .withBean(SendRateLimitSettings.class, () -> new SendRateLimitSettings(1, Duration.ofMinutes(1), 10))
                .run(context -> {
                    SendRateLimiter limiter = context.getBean(SendRateLimiter.class);
                    Caller agent = Caller.agent(7, "Alice");
                    assertThat(limiter.tryAcquire(agent)).isEmpty();
                    assertThat(limiter.tryAcquire(agent)).isPresent();
                    context.getBean(MutableClock.class).advance(Duration.ofMinutes(1));
                    assertThat(limiter.tryAcquire(agent)).isEmpty();
                });
    }

    @Test
    void aHostsLimiterWins() {
        runner.withBean(SendRateLimiter.class, () -> SendRateLimiter.UNLIMITED)
                .run(context -> assertThat(context).getBean(SendRateLimiter.class).isSameAs(SendRateLimiter.UNLIMITED));
    }
}
