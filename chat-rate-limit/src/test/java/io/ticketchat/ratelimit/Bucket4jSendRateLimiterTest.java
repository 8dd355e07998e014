package io.ticketchat.ratelimit;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class Bucket4jSendRateLimiterTest {

    private final MutableClock clock = MutableClock.at("2026-01-15T10:30:00Z");
    private final Bucket4jSendRateLimiter limiter =
            new Bucket4jSendRateLimiter(new SendRateLimitSettings(3, Duration.ofSeconds(30), 1_000), clock);
    private final Caller agent = Caller.agent(7, "Alice Agent");

    @Test
    void allowsTheBurstThenSaysHowLongToWait() {
        IntStream.range(0, 3).forEach(i -> assertThat(limiter.tryAcquire(agent)).isEmpty());

        assertThat(limiter.tryAcquire(agent)).hasValueSatisfying(wait ->
                assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(10)));
    }

    @Test
    void refillsOverTheWindow() {
        IntStream.range(0, 3).forEach(i -> limiter.tryAcquire(agent));

        clock.advance(Duration.ofSeconds(10));
        assertThat(limiter.tryAcquire(agent)).isEmpty();
        assertThat(limiter.tryAcquire(agent)).isPresent();
        clock.advance(Duration.ofSeconds(30));
        IntStream.range(0, 3).forEach(i -> assertThat(limiter.tryAcquire(agent)).isEmpty());
    }

    @Test
    void countsEachPersonSeparately() {
        Caller customerWithTheSameId = Caller.customer(7, "Carl Customer", 1001);
        IntStream.range(0, 3).forEach(i -> limiter.tryAcquire(agent));

        assertThat(limiter.tryAcquire(agent)).isPresent();
        assertThat(limiter.tryAcquire(customerWithTheSameId)).isEmpty();
        assertThat(limiter.tryAcquire(Caller.agent(8, "Bob Agent"))).isEmpty();
    }

    @Test
    void settingsRefuseNonsense() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new SendRateLimitSettings(0, Duration.ofSeconds(1), 1))
                .withMessageContaining("chat.rate-limit.messages");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new SendRateLimitSettings(1, Duration.ZERO, 1))
                .withMessageContaining("chat.rate-limit.window");
    }
}
