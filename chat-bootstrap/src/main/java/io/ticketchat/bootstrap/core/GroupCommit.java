package io.ticketchat.bootstrap.core;

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
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

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
 */
public final class GroupCommit implements AutoCloseable {

    private static final Duration SHUTDOWN_PATIENCE = Duration.ofSeconds(10);

    private final MessageRepository store;
    private final MessageRepository storeInTransaction;
    private final List<Writer> writers = new ArrayList<>();
    private final int maxBatch;
    private final LongAdder batches = new LongAdder();
    private final LongAdder messagesWritten = new LongAdder();

    /**
     * @param store              the store, joining the caller's transaction
     * @param storeInTransaction the same store with a transaction around each call
     * @param writers            writer threads; 0 turns group commit off
     */
    public GroupCommit(MessageRepository store, MessageRepository storeInTransaction, int writers, int maxBatch) {
        if (writers < 0 || maxBatch < 1) {
            throw new IllegalArgumentException("writers must be 0 or more and maxBatch 1 or more");
        }
        this.store = store;
        this.storeInTransaction = storeInTransaction;
        this.maxBatch = maxBatch;
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

    /** Stores what is already queued, then stops the writers; later appends fail as UNAVAILABLE. */
    @Override
    public void close() throws InterruptedException {
        writers.forEach(Writer::stopAccepting);
        long deadline = System.nanoTime() + SHUTDOWN_PATIENCE.toNanos();
        for (Writer writer : writers) {
            writer.thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
    }

    private MessageRepository.Appended append(NewMessage message) {
        if (writers.isEmpty() || TransactionSynchronizationManager.isActualTransactionActive()) {
            return store.append(message);
        }
        return writers.get(Math.floorMod(message.ticketId().hashCode(), writers.size())).append(message);
    }

    private static ChatStoreUnavailableException shuttingDown() {
        return new ChatStoreUnavailableException("the chat store is shutting down", null);
    }

    private final class Writer implements Runnable {

        private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
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
                queue.add(pending);
            }
            return pending.await();
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
                    write(batch);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } finally {
                    batch.clear();
                }
            }
            // Only when interrupted: nobody may wait for a writer that is gone.
            stopAccepting();
            for (Pending left = queue.poll(); left != null; left = queue.poll()) {
                left.done.completeExceptionally(shuttingDown());
            }
        }

        private void write(List<Pending> batch) {
            try {
                List<MessageRepository.Appended> appended = storeInTransaction.appendAll(batch.stream().map(Pending::message).toList());
                batches.increment();
                messagesWritten.add(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).done.complete(appended.get(i));
                }
            } catch (Error fatal) {
                batch.forEach(pending -> pending.done.completeExceptionally(fatal));
                throw fatal;
            } catch (RuntimeException failure) {
                if (batch.size() == 1) {
                    batch.getFirst().done.completeExceptionally(failure);
                    return;
                }
                for (Pending pending : batch) {
                    try {
                        pending.done.complete(storeInTransaction.append(pending.message));
                    } catch (RuntimeException alone) {
                        pending.done.completeExceptionally(alone);
                    }
                }
            }
        }
    }

    private record Pending(NewMessage message, CompletableFuture<MessageRepository.Appended> done) {

        Pending(NewMessage message) {
            this(message, new CompletableFuture<>());
        }

        MessageRepository.Appended await() {
            try {
                return done.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw e;
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
