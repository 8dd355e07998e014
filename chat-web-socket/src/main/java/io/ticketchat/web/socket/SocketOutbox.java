package io.ticketchat.web.socket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Everything one socket is about to receive, written by a task of its own, in order.
 *
 * <p>Why not Spring's {@code ConcurrentWebSocketSessionDecorator}: there, whichever thread first finds
 * the session idle does the write itself, so a room's fan-out thread can end up blocked inside a
 * client that stopped reading, and every other member of the room waits with it. Here nobody but the
 * outbox's own (virtual) thread ever touches the network: producers only enqueue, and a client whose
 * backlog outgrows the limit is cut off instead of slowing anyone.
 */
final class SocketOutbox {

    static final CloseStatus TOO_SLOW = CloseStatus.SESSION_NOT_RELIABLE.withReason("client too slow");

    private static final Logger log = LoggerFactory.getLogger(SocketOutbox.class);

    private final WebSocketSession session;
    private final Executor writer;
    private final int limitBytes;
    private final Consumer<CloseStatus> cutOff;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progress = lock.newCondition();
    private final Deque<Queued> queue = new ArrayDeque<>();
    private long queuedBytes;
    private boolean writing;
    private boolean closed;
    private volatile long writeStartedNanos;

    private record Queued(WebSocketMessage<?> message, int size) {
    }

    /**
     * @param cutOff called once, off the caller's lock, when the client cannot keep up
     */
    SocketOutbox(WebSocketSession session, Executor writer, int limitBytes, Consumer<CloseStatus> cutOff) {
        this.session = session;
        this.writer = writer;
        this.limitBytes = limitBytes;
        this.cutOff = cutOff;
    }

    /** Live traffic: never waits. A client whose backlog would pass the limit is cut off. */
    boolean offer(WebSocketMessage<?> message) {
        int size = message.getPayloadLength();
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            if (queuedBytes > 0 && queuedBytes + size > limitBytes) {
                closed = true;
                queue.clear();
            } else {
                enqueue(message, size);
                return true;
            }
        } finally {
            lock.unlock();
        }
        cutOff.accept(TOO_SLOW);
        return false;
    }

    /**
     * Replayed history: waits until the backlog has room instead of overflowing it, so a long
     * catch-up is paced by the client rather than held in memory. A client that makes no progress
     * for {@code patience} is cut off.
     */
    boolean offerPaced(WebSocketMessage<?> message, Duration patience) throws InterruptedException {
        int size = message.getPayloadLength();
        lock.lock();
        try {
            long deadline = System.nanoTime() + patience.toNanos();
            while (!closed && queuedBytes > 0 && queuedBytes + size > limitBytes) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    closed = true;
                    queue.clear();
                    break;
                }
                progress.awaitNanos(left);
            }
            if (!closed) {
                enqueue(message, size);
                return true;
            }
        } finally {
            lock.unlock();
        }
        cutOff.accept(TOO_SLOW);
        return false;
    }

    /** Whether a single write has been stuck for longer than {@code limit}. */
    boolean isStuck(Duration limit) {
        long started = writeStartedNanos;
        return started != 0 && System.nanoTime() - started > limit.toNanos();
    }

    /** Waits until everything queued so far is written (or the outbox closed). @return whether it was */
    boolean awaitFlushed(Duration patience) throws InterruptedException {
        long remaining = patience.toNanos();
        lock.lock();
        try {
            while (!closed && (writing || !queue.isEmpty())) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = progress.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Drops whatever is still queued; later offers are ignored. */
    void close() {
        lock.lock();
        try {
            closed = true;
            queue.clear();
            queuedBytes = 0;
            progress.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void enqueue(WebSocketMessage<?> message, int size) {
        queue.addLast(new Queued(message, size));
        queuedBytes += size;
        if (!writing) {
            writing = true;
            writer.execute(this::writeAll);
        }
    }

    private void writeAll() {
        while (true) {
            Queued next;
            lock.lock();
            try {
                next = closed ? null : queue.pollFirst();
                if (next == null) {
                    writing = false;
                    progress.signalAll();
                    return;
                }
            } finally {
                lock.unlock();
            }
            write(next);
        }
    }

    private void write(Queued queued) {
        writeStartedNanos = System.nanoTime();
        try {
            session.sendMessage(queued.message());
        } catch (IOException | RuntimeException failed) {
            // The container reports the broken connection to the handler, which cleans up.
            log.debug("Write to socket {} failed: {}", session.getId(), failed.toString());
            close();
        } finally {
            writeStartedNanos = 0;
        }
        lock.lock();
        try {
            queuedBytes = Math.max(0, queuedBytes - queued.size());
            progress.signalAll();
        } finally {
            lock.unlock();
        }
    }

}
