package io.ticketchat.persistence.jooq;

import io.ticketchat.application.port.in.MessagePageRequest;
import io.ticketchat.application.port.out.MessageRepository;
import io.ticketchat.domain.ClientMessageId;
import io.ticketchat.domain.DisplayName;
import io.ticketchat.domain.Message;
import io.ticketchat.domain.MessageId;
import io.ticketchat.domain.MessageText;
import io.ticketchat.domain.MessageType;
import io.ticketchat.domain.NewMessage;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.Sender;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.UserId;
import io.ticketchat.persistence.jooq.testing.ChatDatabaseExtension;
import io.ticketchat.persistence.jooq.testing.ChatTestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static io.ticketchat.persistence.jooq.generated.tables.ChatMessages.CHAT_MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two promises of {@link MessageRepository} that only show under contention. Every append runs in
 * a transaction that has read something first, as a use case does (access check, parent lookup), so
 * its snapshot predates the competing commits.
 */
@ExtendWith(ChatDatabaseExtension.class)
class MessageRaceTest {

    private static final Instant NOW = Instant.parse("2024-01-15T10:30:00.000Z");

    private final ChatTestDatabase database;

    MessageRaceTest(ChatTestDatabase database) {
        this.database = database;
    }

    @Test
    void sixteenConcurrentPostsOfOneClientMessageIdStoreOneRowAndAllGetIt() throws Exception {
        TicketId ticket = database.newTicket();
        Sender customer = Sender.person(ParticipantType.CUSTOMER, UserId.of(42), DisplayName.of("John Doe"));
        NewMessage draft = new NewMessage(ticket, customer, MessageText.of("please help 🙏"), MessageType.TEXT, null,
                ClientMessageId.of("tap-tap-tap"), NOW);
        int posters = 16;
        CyclicBarrier allSnapshotsTaken = new CyclicBarrier(posters);

        List<MessageRepository.Appended> results = runConcurrently(posters, i -> appendInUseCase(ticket, draft, allSnapshotsTaken));

        assertThat(results).filteredOn(MessageRepository.Appended::created).hasSize(1);
        Message original = results.stream().filter(MessageRepository.Appended::created).findFirst().orElseThrow().message();
        assertThat(results).extracting(MessageRepository.Appended::message).containsOnly(original);
        assertThat(database.dsl().fetchCount(CHAT_MESSAGES, CHAT_MESSAGES.TICKET_ID.eq((int) ticket.value()))).isEqualTo(1);
    }

    @Test
    void aReaderPagingForwardWhileEightWritersAppendNeverSkipsAMessage() throws Exception {
        TicketId ticket = database.newTicket();
        int writers = 8;
        int messagesEach = 40;
        JooqMessageRepository reader = new JooqMessageRepository(database.dsl(), JooqMessageRepository.Transactions.OWN);
        Message opening = reader.append(new NewMessage(ticket, Sender.system(DisplayName.of("System")),
                MessageText.of("Chat started"), MessageType.SYSTEM, null, null, NOW)).message();

        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<CompletableFuture<Void>> writing = IntStream.range(0, writers)
                    .mapToObj(w -> CompletableFuture.runAsync(() -> {
                        Sender sender = Sender.person(w % 2 == 0 ? ParticipantType.AGENT : ParticipantType.CUSTOMER,
                                UserId.of(w + 1), DisplayName.of("writer " + w));
                        for (int n = 0; n < messagesEach; n++) {
                            NewMessage draft = new NewMessage(ticket, sender, MessageText.of("message " + n + " of writer " + w),
                                    MessageType.TEXT, null, null, NOW);
                            appendInUseCase(ticket, draft, null);
                        }
                    }, pool))
                    .toList();
            CompletableFuture<Void> allWritten = CompletableFuture.allOf(writing.toArray(CompletableFuture[]::new));

            List<Long> seen = new ArrayList<>();
            MessageId last = opening.id();
            boolean writersDone;
            do {
                // Checked before the pass, so the pass after the last commit drains everything.
                writersDone = allWritten.isDone();
                List<Message> page;
                do {
                    page = reader.page(ticket, MessagePageRequest.after(last, 25));
                    for (Message message : page) {
                        seen.add(message.id().value());
                        last = message.id();
                    }
                } while (!page.isEmpty());
            } while (!writersDone);
            allWritten.get(1, TimeUnit.MINUTES);

            List<Long> stored = database.dsl().select(CHAT_MESSAGES.ID).from(CHAT_MESSAGES)
                    .where(CHAT_MESSAGES.TICKET_ID.eq((int) ticket.value()), CHAT_MESSAGES.ID.gt((int) opening.id().value()))
                    .orderBy(CHAT_MESSAGES.ID)
                    .fetch(row -> row.value1().longValue());
            assertThat(stored).hasSize(writers * messagesEach);
            assertThat(seen).isEqualTo(stored);
        }
    }

    /** A use case's transaction: reads first, appends, then does a little more before it commits. */
    private MessageRepository.Appended appendInUseCase(TicketId ticket, NewMessage draft, CyclicBarrier afterFirstRead) {
        return database.dsl().transactionResult(tx -> {
            DSLContext dsl = tx.dsl();
            JooqMessageRepository messages = new JooqMessageRepository(dsl, JooqMessageRepository.Transactions.CALLER);
            messages.latestId(ticket);
            if (afterFirstRead != null) {
                afterFirstRead.await(1, TimeUnit.MINUTES);
            }
            MessageRepository.Appended appended = messages.append(draft);
            messages.countUnread(ticket, ParticipantType.AGENT);
            return appended;
        });
    }

    private <T> List<T> runConcurrently(int threads, IntFunction<T> work) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<CompletableFuture<T>> futures = IntStream.range(0, threads)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> work.apply(i), pool))
                    .toList();
            List<T> results = new ArrayList<>();
            for (CompletableFuture<T> future : futures) {
                results.add(future.get(1, TimeUnit.MINUTES));
            }
            return results;
        }
    }
}
