package io.ticketchat.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.port.out.SendRateLimiter;
import io.ticketchat.domain.ParticipantType;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A token bucket per sender (Bucket4j), kept in a bounded Caffeine cache. A bucket left alone for a
 * whole window has refilled completely, so forgetting it then loses nothing. Per node: behind a load
 * balancer each node grants the full allowance.
 */
public class Bucket4jSendRateLimiter implements SendRateLimiter {

    private final SendRateLimitSettings settings;
    private final TimeMeter time;
    private final Cache<SenderKey, Bucket> buckets;

    public Bucket4jSendRateLimiter(SendRateLimitSettings settings, Clock clock) {
        this.settings = settings;
        this.time = new ClockTimeMeter(clock);
        this.buckets = Caffeine.newBuilder()
                .maximumSize(settings.maxTrackedSenders())
                .expireAfterAccess(settings.window())
                .ticker(time::currentTimeNanos)
                .build();
    }

    @Override
    public Optional<Duration> tryAcquire(Caller caller) {
        Bucket bucket = buckets.get(new SenderKey(caller.type(), caller.userId().value()), key -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(settings.messages())
                        .refillGreedy(settings.messages(), settings.window()))
                .withCustomTimePrecision(time)
                .build();
    }

    /** Agent 7 and customer 7 are different people: customers' ids need not be user ids. */
    private record SenderKey(ParticipantType type, long userId) {
    }

    /** Bucket4j's time source on the injected clock, so tests can move time instead of sleeping. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            return TimeUnit.MILLISECONDS.toNanos(clock.millis());
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
