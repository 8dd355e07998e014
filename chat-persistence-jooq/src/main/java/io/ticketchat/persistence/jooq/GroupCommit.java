package io.ticketchat.persistence.jooq;

import io.ticketchat.application.port.in.MessagePageRequest;
import io.ticketchat.application.port.out.ChatStoreUnavailableException;
import io.ticketchat.application.port.out.MessageRepository;
import io.ticketchat.domain.ClientMessageId;
import io.ticketchat.domain.Message;
import io.ticketchat.domain.MessageId;
import io.ticketchat.domain.NewMessage;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.Sender;
import io.ticketchat.domain.TicketId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Commits the messages sent at the same moment together. A message sent outside any transaction (a
 * sent chat message: its use case runs without one) goes to a writer thread, which stores everything
 * waiting for it in one transaction with one commit, and only then lets each sender go on. The sender
 * acknowledges and fans out after that commit, as before; what changes is that under load ten messages
 * cost one commit and a few statements per message instead of seven round trips each. At low load a
 * writer finds one message waiting and the cost is that of a plain append.
 *
 * <p>Each ticket belongs to one writer, so the messages of a ticket are stored in the order they were
 * sent, and two writers never wait for the same ticket's lock. If a batch fails, each of its messages
 * is tried again in a transaction of its own, so one bad message fails alone. An append inside a
 * caller's transaction (a system message written by another use case) joins that transaction instead.
 *
 * <p>Nothing waits without end. Each writer's queue is bounded: a send that finds it full fails at once
 * as UNAVAILABLE. A sender waits at most the send timeout for its batch: if the writer has not taken
 * its message yet, the message is dropped and will never be stored; if it is being written, the sender
 * is told UNAVAILABLE all the same and the message may still commit a moment later. Such a late
 * message is announced like any other (the room hears of it), and the client's retry with the same
 * {@code clientMessageId} gets it back instead of a second copy. A failure to reach the store fails the
 * whole batch at once instead of retrying each message against a store that is gone, and closing fails
 * every sender still waiting once the shutdown patience is spent.
 *
 * <p>The writer announces each new message itself, right after its batch commits and before its sender
 * goes on: so the events of a batch leave in commit order, which is id order within a ticket, and the
 * fan-out needs no reordering of events that would otherwise race each other out of their senders' threads.
 *
 * <p>Why here: batching writes to share a commit is a technique of this store (one InnoDB commit, one
 * fsync, for many messages), like its SQL and its error codes, so it lives with them in the persistence
 * adapter. The class itself is pure concurrency, no JDBC: it is handed the store twice (joining a
 * caller's transaction, and with a transaction of its own around each call, drawn by the assembly, which
 * also retries a lost lock conflict) and told how to know whether the caller has a transaction open.
 */
public final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private static final Duration SHUTDOWN_PATIENCE = Duration.ofSeconds(10);
    private static final int DEFAULT_QUEUE_CAPACITY = 1024;
    private static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(5);

    private final MessageRepository store;
    private final MessageRepository storeInTransaction;
    private final BooleanSupplier callerTransaction;
    private final List<Writer> writers = new ArrayList<>();
    private final int maxBatch;
    private final int queueCapacity;
    private final Duration sendTimeout;
    private final Consumer<MessageRepository.Appended> committed;
    private final LongAdder batches = new LongAdder();
    private final LongAdder messagesWritten = new LongAdder();

    /**
     * @param store              the store, joining the caller's transaction
     * @param storeInTransaction the same store with a transaction around each call
     * @param callerTransaction  whether the calling thread has a transaction open, which an append then joins
     * @param writers            writer threads; 0 turns group commit off
     */
    public GroupCommit(MessageRepository store, MessageRepository storeInTransaction, BooleanSupplier callerTransaction,
                       int writers, int maxBatch) {
        this(store, storeInTransaction, callerTransaction, writers, maxBatch, DEFAULT_QUEUE_CAPACITY, DEFAULT_SEND_TIMEOUT,
                late -> { });
    }

    /**
     * @param queueCapacity messages one writer lets wait; a send beyond it fails at once as UNAVAILABLE
     * @param sendTimeout   how long a sender waits for its batch before it is told UNAVAILABLE
     * @param committed     told of each new message, once: by a writer right after its batch committed, in
     *                      commit order (a ticket's in ascending id order) and before its sender goes on,
     *                      also when that sender had stopped waiting; on the sender's thread, inside the
     *                      caller's transaction, when the append joined one or there are no writers
     */
    public GroupCommit(MessageRepository store, MessageRepository storeInTransaction, BooleanSupplier callerTransaction,
                       int writers, int maxBatch, int queueCapacity, Duration sendTimeout,
                       Consumer<MessageRepository.Appended> committed) {
        if (writers < 0 || maxBatch < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("writers must be 0 or more, maxBatch and queueCapacity 1 or more");
        }
        if (sendTimeout.isNegative() || sendTimeout.isZero()) {
            throw new IllegalArgumentException("sendTimeout must be positive");
        }
        this.store = store;
        this.storeInTransaction = storeInTransaction;
        this.callerTransaction = callerTransaction;
        this.maxBatch = maxBatch;
        this.queueCapacity = queueCapacity;
        this.sendTimeout = sendTimeout;
        this.committed = committed;
        for (int i = 0; i < writers; i++) {
            this.writers.add(new Writer(i));
        }
    }

    public boolean enabled() {
        return !writers.isEmpty();
    }

    /** The store as the use cases see it: appends outside a transaction are committed in groups. */
    public MessageRepository repository() {
        return new GroupCommittedRepository();
    }

    /** Transactions the writers committed so far. */
    public long batches() {
        return batches.sum();
    }

    /**
     * Messages handled in those transactions (stored, or found as the original of a repeated send):
     * divided by {@link #batches()}, the mean batch size.
     */
    public long messagesWritten() {
        return messagesWritten.sum();
    }

    /** Messages waiting for a writer right now. */
    public int queued() {
        return writers.stream().mapToInt(writer -> writer.queue.size()).sum();
    }

    /**
     * Stores what is already queued, then stops the writers; later appends fail as UNAVAILABLE. A writer
     * still busy after the shutdown patience (its store hangs) is left behind: whoever still waits for
     * it is told UNAVAILABLE at once rather than holding up the shutdown.
     */
    @Override
    public void close() throws InterruptedException {
        writers.forEach(Writer::stopAccepting);
        long deadline = System.nanoTime() + Math.min(SHUTDOWN_PATIENCE.toNanos(), sendTimeout.toNanos());
        for (Writer writer : writers) {
            writer.thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        writers.forEach(Writer::abandon);
    }

    private MessageRepository.Appended append(NewMessage message) {
        if (writers.isEmpty() || callerTransaction.getAsBoolean()) {
            MessageRepository.Appended appended = store.append(message);
            if (appended.created()) {
                committed.accept(appended);
            }
            return appended;
        }
        return writers.get(Math.floorMod(message.ticketId().hashCode(), writers.size())).append(message);
    }

    private static ChatStoreUnavailableException shuttingDown() {
        return new ChatStoreUnavailableException("the chat store is shutting down", null);
    }

    private static ChatStoreUnavailableException overloaded() {
        return new ChatStoreUnavailableException("too many messages are waiting to be stored", null);
    }

    private ChatStoreUnavailableException timedOut() {
        return new ChatStoreUnavailableException("the message was not confirmed as stored within " + sendTimeout, null);
    }

    private final class Writer implements Runnable {

        private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(queueCapacity);
        private final List<Pending> writing = new CopyOnWriteArrayList<>();
        private final Thread thread;
        private boolean accepting = true;

        Writer(int index) {
            this.thread = Thread.ofPlatform().name("chat-group-commit-" + index).daemon().start(this);
        }

        MessageRepository.Appended append(NewMessage message) {
            Pending pending = new Pending(message);
            synchronized (this) {
                if (!accepting) {
                    throw shuttingDown();
                }
                if (!queue.offer(pending)) {
                    throw overloaded();
                }
            }
            return pending.await(sendTimeout);
        }

        /** Tells everyone still waiting for this writer that it is gone. */
        void abandon() {
            for (Pending left = queue.poll(); left != null; left = queue.poll()) {
                left.fail(shuttingDown());
            }
            writing.forEach(pending -> pending.fail(shuttingDown()));
        }

        synchronized void stopAccepting() {
            accepting = false;
        }

        private synchronized boolean finished() {
            return !accepting && queue.isEmpty();
        }

        @Override
        public void run() {
            List<Pending> batch = new ArrayList<>(maxBatch);
            while (!finished()) {
                try {
                    Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, maxBatch - 1);
                    // A sender that stopped waiting before its message was taken is told it was not stored: keep that true.
                    batch.removeIf(pending -> !pending.take());
                    if (!batch.isEmpty()) {
                        writing.addAll(batch);
                        write(batch);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } finally {
                    writing.clear();
                    batch.clear();
                }
            }
            // Only when interrupted: nobody may wait for a writer that is gone.
            stopAccepting();
            for (Pending left = queue.poll(); left != null; left = queue.poll()) {
                left.fail(shuttingDown());
            }
        }

        private void write(List<Pending> batch) {
            try {
                List<MessageRepository.Appended> appended = storeInTransaction.appendAll(batch.stream().map(Pending::message).toList());
                batches.increment();
                messagesWritten.add(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    succeed(batch.get(i), appended.get(i));
                }
            } catch (Error fatal) {
                batch.forEach(pending -> pending.fail(fatal));
                throw fatal;
            } catch (RuntimeException failure) {
                if (batch.size() == 1 || failure instanceof ChatStoreUnavailableException) {
                    batch.forEach(pending -> pending.fail(failure));
                    return;
                }
                for (Pending pending : batch) {
                    try {
                        succeed(pending, storeInTransaction.append(pending.message));
                    } catch (RuntimeException alone) {
                        pending.fail(alone);
                    }
                }
            }
        }

        /** Announces a new message, then lets its sender go on: the batch's messages are announced in commit order. */
        private void succeed(Pending pending, MessageRepository.Appended appended) {
            if (appended.created()) {
                // Never let a listener's failure look like a failed batch: its messages are stored.
                try {
                    committed.accept(appended);
                } catch (RuntimeException e) {
                    log.warn("A stored message could not be announced: {}", e.toString());
                }
            }
            pending.complete(appended);
        }
    }

    /** One message and its sender: queued, then taken by the writer or given up by the sender, then done. */
    private final class Pending {

        private static final int QUEUED = 0;
        private static final int TAKEN = 1;
        private static final int GIVEN_UP = 2;
        private static final int DONE = 3;

        private final NewMessage message;
        private final CompletableFuture<MessageRepository.Appended> done = new CompletableFuture<>();
        private final AtomicInteger state = new AtomicInteger(QUEUED);

        Pending(NewMessage message) {
            this.message = message;
        }

        NewMessage message() {
            return message;
        }

        /** The writer takes the message, unless its sender already gave up. */
        boolean take() {
            return state.compareAndSet(QUEUED, TAKEN);
        }

        /** False when the sender had given up: the message is stored, but nobody waits for it. */
        boolean complete(MessageRepository.Appended appended) {
            if (!state.compareAndSet(TAKEN, DONE)) {
                return false;
            }
            done.complete(appended);
            return true;
        }

        void fail(Throwable failure) {
            state.set(DONE);
            done.completeExceptionally(failure);
        }

        MessageRepository.Appended await(Duration timeout) {
            try {
                return done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (state.compareAndSet(QUEUED, GIVEN_UP) || state.compareAndSet(TAKEN, GIVEN_UP)) {
                    throw timedOut();
                }
                return await(timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (!state.compareAndSet(QUEUED, GIVEN_UP)) {
                    state.compareAndSet(TAKEN, GIVEN_UP);
                }
                throw new ChatStoreUnavailableException("interrupted while waiting for the store", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Appends through the writers; everything else goes straight to the store. */
    private final class GroupCommittedRepository implements MessageRepository {

        @Override
        public Appended append(NewMessage message) {
            return GroupCommit.this.append(message);
        }

        @Override
        public List<Appended> appendAll(List<NewMessage> messages) {
            return store.appendAll(messages);
        }

        @Override
        public List<Message> page(TicketId ticketId, MessagePageRequest page) {
            return store.page(ticketId, page);
        }

        @Override
        public Optional<Message> findById(TicketId ticketId, MessageId messageId) {
            return store.findById(ticketId, messageId);
        }

        @Override
        public Optional<Message> findByClientMessageId(TicketId ticketId, Sender sender, ClientMessageId clientMessageId) {
            return store.findByClientMessageId(ticketId, sender, clientMessageId);
        }

        @Override
        public Optional<MessageId> latestId(TicketId ticketId) {
            return store.latestId(ticketId);
        }

        @Override
        public ReadMark markRead(TicketId ticketId, ParticipantType reader, Instant readAt) {
            return store.markRead(ticketId, reader, readAt);
        }

        @Override
        public long countUnread(TicketId ticketId, ParticipantType reader) {
            return store.countUnread(ticketId, reader);
        }
    }
}
