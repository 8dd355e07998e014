package io.ticketchat.bootstrap.core;

import io.ticketchat.application.port.in.ExpireTypingUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Ends abandoned typing spells on a fixed beat, so "typing..." never outlives its TTL by more than one beat. */
public class TypingExpiry implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TypingExpiry.class);

    private final ExpireTypingUseCase expireTyping;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public TypingExpiry(ExpireTypingUseCase expireTyping, Duration interval) {
        this.expireTyping = expireTyping;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("chat-typing-expiry").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::expire, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void expire() {
        try {
            expireTyping.expireTyping();
        } catch (RuntimeException e) {
            log.warn("Expiring typing spells failed; retrying on the next beat", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
