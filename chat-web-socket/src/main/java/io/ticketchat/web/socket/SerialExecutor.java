package io.ticketchat.web.socket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks one after another, in submission order, on a shared executor. Gives each room a queue of
 * its own without a thread of its own; submitting never blocks the submitter.
 */
final class SerialExecutor implements Executor {

    private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor delegate;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();

    SerialExecutor(Executor delegate) {
        this.delegate = delegate;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (pending.getAndIncrement() == 0) {
            delegate.execute(this::runAll);
        }
    }

    private void runAll() {
        do {
            Runnable task = tasks.poll();
            try {
                task.run();
            } catch (RuntimeException failed) {
                // One broken task must not stall the queue behind it.
                log.error("Room task failed", failed);
            }
        } while (pending.decrementAndGet() > 0);
    }
}
