package io.ticketchat.persistence.jooq;

import io.ticketchat.application.port.out.AbstractChatSessionRepositoryContract;
import io.ticketchat.application.port.out.ChatSessionRepository;
import io.ticketchat.domain.ChatSession;
import io.ticketchat.domain.TicketId;
import io.ticketchat.persistence.jooq.testing.ChatDatabaseExtension;
import io.ticketchat.persistence.jooq.testing.ChatTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.ticketchat.persistence.jooq.generated.tables.ChatSessions.CHAT_SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ChatDatabaseExtension.class)
class JooqChatSessionRepositoryTest extends AbstractChatSessionRepositoryContract {

    private final ChatTestDatabase database;
    private final JooqChatSessionRepository repository;

    JooqChatSessionRepositoryTest(ChatTestDatabase database) {
        this.database = database;
        this.repository = new JooqChatSessionRepository(database.dsl());
    }

    @Override
    protected ChatSessionRepository repository() {
        return repository;
    }

    @Override
    protected TicketId newTicket() {
        return database.newTicket();
    }

    @Test
    void concurrentOpenersOfOneTicketAllGetTheSameSession() throws Exception {
        TicketId ticket = newTicket();
        int openers = 8;
        CyclicBarrier allSnapshotsTaken = new CyclicBarrier(openers);
        List<Callable<ChatSession>> attempts = IntStream.range(0, openers)
                .<Callable<ChatSession>>mapToObj(i -> () -> database.dsl().transactionResult(tx -> {
                    JooqChatSessionRepository sessions = new JooqChatSessionRepository(tx.dsl());
                    // Like the use case: something read first, so the transaction's snapshot predates the race.
                    sessions.findOpenByTicket(ticket);
                    allSnapshotsTaken.await(1, TimeUnit.MINUTES);
                    ChatSession candidate = ChatSession.open(ticket, T0.plusMillis(i));
                    return sessions.insertUnlessOpen(candidate).orElse(candidate);
                }))
                .toList();

        List<ChatSession> results;
        try (ExecutorService pool = Executors.newFixedThreadPool(openers)) {
            List<Future<ChatSession>> futures = pool.invokeAll(attempts);
            results = futures.stream().map(JooqChatSessionRepositoryTest::join).toList();
        }

        assertThat(results).hasSize(openers).allSatisfy(session -> assertThat(session).isEqualTo(results.getFirst()));
        assertThat(database.dsl().fetchCount(CHAT_SESSIONS, CHAT_SESSIONS.TICKET_ID.eq((int) ticket.value()))).isEqualTo(1);
    }

    private static ChatSession join(Future<ChatSession> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
