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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
        List<Callable<ChatSession>> attempts = IntStream.range(0, openers)
                .<Callable<ChatSession>>mapToObj(i -> () -> database.dsl().transactionResult(tx -> {
                    // Like the use case: something read first, so the transaction's snapshot predates the race.
                    new JooqChatSessionRepository(tx.dsl()).findOpenByTicket(ticket);
                    return new JooqChatSessionRepository(tx.dsl()).insertUnlessOpen(ChatSession.open(ticket, T0.plusMillis(i)));
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
