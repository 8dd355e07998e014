package io.ticketchat.persistence.jooq;

import io.ticketchat.application.port.in.MessagePageRequest;
import io.ticketchat.application.port.out.ChatStoreUnavailableException;
import io.ticketchat.application.port.out.MessageRepository;
import io.ticketchat.application.testing.InMemoryMessageRepository;
import io.ticketchat.domain.DisplayName;
import io.ticketchat.domain.MessageText;
import io.ticketchat.domain.MessageType;
import io.ticketchat.domain.NewMessage;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.Sender;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class GroupCommitTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final TicketId TICKET = TicketId.of(1);
    private static final Sender CUSTOMER = Sender.person(ParticipantType.CUSTOMER, UserId.of(2), DisplayName.of("John Doe"));

    private final RecordingStore store = new RecordingStore();
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private GroupCommit groupCommit;

    @AfterEach
    void stop() throws InterruptedException {
        store.gate.countDown();
        if (groupCommit != null) {
            groupCommit.close();
        }
        senders.close();
    }

    @Test
    void messagesSentWhileABatchIsBeingWrittenAreStoredTogetherInTheOrderSent() throws Exception {
        groupCommit = new GroupCommit(store, store, () -> false, 1, 64);
        MessageRepository messages = groupCommit.repository();
        store.holdFirstBatch();

        CompletableFuture<MessageRepository.Appended> first = sendIntoHeldBatch(messages, "first");
        List<CompletableFuture<MessageRepository.Appended>> rest = new ArrayList<>();
        for (int i = 2; i <= 6; i++) {
            rest.add(sendBehindHeldBatch(messages, "message " + i));
        }
        store.gate.countDown();

        MessageRepository.Appended firstStored = first.get(10, TimeUnit.SECONDS);
        for (CompletableFuture<MessageRepository.Appended> later : rest) {
            assertThat(later.get(10, TimeUnit.SECONDS).created()).isTrue();
        }
        assertThat(store.batchSizes).containsExactly(1, 5);
        assertThat(groupCommit.batches()).isEqualTo(2);
        assertThat(groupCommit.messagesWritten()).isEqualTo(6);
        assertThat(rest.getFirst().get().previousMessageId()).isEqualTo(firstStored.message().id());
        assertThat(store.page(TICKET, MessagePageRequest.latest(10))).extracting(m -> m.text().value())
                .containsExactly("first", "message 2", "message 3", "message 4", "message 5", "message 6");
    }

    /**
     * The send path's ordering rests on this: a batch's messages are announced by the writer in id order,
     * each before its sender goes on, so the rooms need not reorder events racing out of the senders' threads.
     */
    @Test
    void aBatchIsAnnouncedInIdOrderBeforeItsSendersGoOn() throws Exception {
        List<MessageRepository.Appended> announced = new CopyOnWriteArrayList<>();
        groupCommit = new GroupCommit(store, store, () -> false, 1, 64, 64, Duration.ofSeconds(10), announced::add);
        MessageRepository messages = groupCommit.repository();
        store.holdFirstBatch();
        CompletableFuture<MessageRepository.Appended> first = sendIntoHeldBatch(messages, "first");
        List<CompletableFuture<Boolean>> announcedBeforeReturn = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int queuedBefore = groupCommit.queued();
            announcedBeforeReturn.add(CompletableFuture.supplyAsync(() -> {
                MessageRepository.Appended stored = messages.append(draft("queued"));
                return announced.stream().anyMatch(a -> a.message().id().equals(stored.message().id()));
            }, senders));
            await().atMost(Duration.ofSeconds(10)).until(() -> groupCommit.queued() == queuedBefore + 1);
        }
        store.gate.countDown();

        first.get(10, TimeUnit.SECONDS);
        for (CompletableFuture<Boolean> sender : announcedBeforeReturn) {
            assertThat(sender.get(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(announced).hasSize(41);
        for (int i = 1; i < announced.size(); i++) {
            assertThat(announced.get(i).previousMessageId()).isEqualTo(announced.get(i - 1).message().id());
            assertThat(announced.get(i).message().id().isAfter(announced.get(i - 1).message().id())).isTrue();
        }
    }

    @Test
    void aMessageTheStoreRefusesFailsAloneWhileTheRestOfItsBatchIsStored() throws Exception {
        groupCommit = new GroupCommit(store, store, () -> false, 1, 64);
        MessageRepository messages = groupCommit.repository();
        store.holdFirstBatch();
        CompletableFuture<MessageRepository.Appended> opener = sendIntoHeldBatch(messages, "opener");
        CompletableFuture<MessageRepository.Appended> good = sendBehindHeldBatch(messages, "good");
        CompletableFuture<MessageRepository.Appended> poison = sendBehindHeldBatch(messages, RecordingStore.POISON);
        store.gate.countDown();

        assertThat(opener.get(10, TimeUnit.SECONDS).created()).isTrue();
        assertThat(good.get(10, TimeUnit.SECONDS).created()).isTrue();
        assertThat(poison).failsWithin(Duration.ofSeconds(10)).withThrowableThat().withRootCauseInstanceOf(IllegalStateException.class);
        assertThat(store.page(TICKET, MessagePageRequest.latest(10))).extracting(m -> m.text().value()).containsExactly("opener", "good");
    }

    @Test
    void anAppendInsideACallersTransactionJoinsItInsteadOfWaitingForAWriter() {
        groupCommit = new GroupCommit(store, store, () -> true, 1, 64);
        groupCommit.repository().append(draft("inside"));

        assertThat(store.batchesStarted).hasValue(0);
        assertThat(store.appendCallers).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void withoutWritersEveryAppendGoesStraightToTheStore() {
        groupCommit = new GroupCommit(store, store, () -> false, 0, 64);

        groupCommit.repository().append(draft("direct"));

        assertThat(groupCommit.enabled()).isFalse();
        assertThat(store.batchesStarted).hasValue(0);
        assertThat(store.appendCallers).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void closingStoresWhatIsQueuedAndThenRefusesNewMessages() throws Exception {
        groupCommit = new GroupCommit(store, store, () -> false, 1, 64);
        MessageRepository messages = groupCommit.repository();
        store.holdFirstBatch();
        CompletableFuture<MessageRepository.Appended> inFlight = sendIntoHeldBatch(messages, "in flight");
        CompletableFuture<MessageRepository.Appended> queued = sendBehindHeldBatch(messages, "queued");

        CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> {
            try {
                groupCommit.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, senders);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThatThrownBy(() -> messages.append(draft("too late"))).isInstanceOf(ChatStoreUnavailableException.class));
        store.gate.countDown();
        closing.get(10, TimeUnit.SECONDS);

        assertThat(inFlight.get(10, TimeUnit.SECONDS).created()).isTrue();
        assertThat(queued.get(10, TimeUnit.SECONDS).created()).isTrue();
        assertThat(store.page(TICKET, MessagePageRequest.latest(10))).extracting(m -> m.text().value()).containsExactly("in flight", "queued");
    }

    @Test
    void aSenderWaitsNoLongerThanTheSendTimeoutAndAMessageNotYetTakenIsNeverStored() throws Exception {
        List<MessageRepository.Appended> late = new CopyOnWriteArrayList<>();
        groupCommit = new GroupCommit(store, store, () -> false, 1, 64, 16, Duration.ofMillis(300), late::add);
        MessageRepository messages = groupCommit.repository();
        store.holdFirstBatch();
        CompletableFuture<MessageRepository.Appended> inFlight = sendIntoHeldBatch(messages, "in flight");
        CompletableFuture<MessageRepository.Appended> queued = sendBehindHeldBatch(messages, "queued");

        assertThat(inFlight).failsWithin(Duration.ofSeconds(5)).withThrowableThat().withCauseInstanceOf(ChatStoreUnavailableException.class);
        assertThat(queued).failsWithin(Duration.ofSeconds(5)).withThrowableThat().withCauseInstanceOf(ChatStoreUnavailableException.class);
        store.gate.countDown();

        // The held batch commits after its sender gave up: the late handler hears of it; the queued one is dropped.
        await().atMost(Duration.ofSeconds(5)).until(() -> late.size() == 1);
        assertThat(late.getFirst().message().text().value()).isEqualTo("in flight");
        assertThat(messages.append(draft("after")).created()).isTrue();
        assertThat(store.page(TICKET, MessagePageRequest.latest(10))).extracting(m -> m.text().value()).containsExactly("in flight", "after");
    }

    @Test
    void aFullQueueRefusesAtOnce() throws Exception {
        groupCommit = new GroupCommit(store, store, () -> false, 1, 64, 2, Duration.ofSeconds(10), appended -> { });
        MessageRepository messages = groupCommit.repository();
        store.holdFirstBatch();
        sendIntoHeldBatch(messages, "in flight");
        sendBehindHeldBatch(messages, "queued 1");
        sendBehindHeldBatch(messages, "queued 2");

        long started = System.nanoTime();
        assertThatThrownBy(() -> messages.append(draft("one too many"))).isInstanceOf(ChatStoreUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void closingDoesNotWaitForAHungStoreLongerThanTheSendTimeout() throws Exception {
        groupCommit = new GroupCommit(store, store, () -> false, 1, 64, 16, Duration.ofMillis(500), appended -> { });
        MessageRepository messages = groupCommit.repository();
        store.holdFirstBatch();
        CompletableFuture<MessageRepository.Appended> inFlight = sendIntoHeldBatch(messages, "in flight");

        long started = System.nanoTime();
        groupCommit.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(inFlight).failsWithin(Duration.ofSeconds(1)).withThrowableThat().withCauseInstanceOf(ChatStoreUnavailableException.class);
    }

    /** Sends the first message, and returns once the writer holds it in the first (held) batch. */
    private CompletableFuture<MessageRepository.Appended> sendIntoHeldBatch(MessageRepository messages, String text) {
        CompletableFuture<MessageRepository.Appended> sent = send(messages, text);
        await().atMost(Duration.ofSeconds(10)).until(() -> store.batchesStarted.get() == 1);
        return sent;
    }

    /** Sends one more message, and returns once it waits in the writer's queue behind the held batch. */
    private CompletableFuture<MessageRepository.Appended> sendBehindHeldBatch(MessageRepository messages, String text) {
        int queuedBefore = groupCommit.queued();
        CompletableFuture<MessageRepository.Appended> sent = send(messages, text);
        await().atMost(Duration.ofSeconds(10)).until(() -> groupCommit.queued() == queuedBefore + 1);
        return sent;
    }

    private CompletableFuture<MessageRepository.Appended> send(MessageRepository messages, String text) {
        return CompletableFuture.supplyAsync(() -> messages.append(draft(text)), senders);
    }

    private static NewMessage draft(String text) {
        return new NewMessage(TICKET, CUSTOMER, MessageText.of(text), MessageType.TEXT, null, null, NOW);
    }

    /** The in-memory store, able to hold its first batch and to refuse one poisoned message. */
    private static final class RecordingStore extends InMemoryMessageRepository {

        static final String POISON = "poison";

        final CountDownLatch gate = new CountDownLatch(1);
        final AtomicInteger batchesStarted = new AtomicInteger();
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        final List<String> appendCallers = new CopyOnWriteArrayList<>();
        private volatile boolean holding;

        void holdFirstBatch() {
            holding = true;
        }

        @Override
        public List<Appended> appendAll(List<NewMessage> messages) {
            int batch = batchesStarted.incrementAndGet();
            if (holding && batch == 1) {
                try {
                    gate.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (messages.stream().anyMatch(m -> m.text().value().equals(POISON))) {
                throw new IllegalStateException("the store refuses the whole batch");
            }
            batchSizes.add(messages.size());
            return super.appendAll(messages);
        }

        @Override
        public synchronized Appended append(NewMessage draft) {
            if (draft.text().value().equals(POISON)) {
                throw new IllegalStateException("the store refuses this message");
            }
            appendCallers.add(Thread.currentThread().getName());
            return super.append(draft);
        }
    }
}
