package io.ticketchat.web.socket;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The adapter's threads: virtual threads for writes, room queues and replays (each may block on a
 * socket or the store without pinning a platform thread), and one scheduler for heartbeats. Kept in
 * a type of its own rather than exposed as executor beans, which a host might autowire by accident.
 */
public final class SocketWorkers implements AutoCloseable {

    private final ExecutorService executor =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("chat-ws-", 0).factory());
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "chat-ws-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    ExecutorService executor() {
        return executor;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        executor.shutdownNow();
    }
}
