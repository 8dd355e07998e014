package io.ticketchat.bootstrap.core;

import io.ticketchat.application.port.out.ChatStoreConflictException;
import io.ticketchat.persistence.jooq.StoreFailures;
import io.ticketchat.domain.DisplayName;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.Typing;
import io.ticketchat.domain.UserId;
import io.ticketchat.domain.event.ChatEvent;
import io.ticketchat.domain.event.TypingStarted;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DeadlockLoserDataAccessException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionalUseCasesTest {

    /** A transaction manager that only records what happened to each transaction. */
    static final class RecordingTransactions extends AbstractPlatformTransactionManager {
        final List<String> outcomes = new ArrayList<>();

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            outcomes.add(definition.isReadOnly() ? "begin read-only" : "begin");
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            outcomes.add("commit");
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            outcomes.add("rollback");
        }
    }

    private final RecordingTransactions transactions = new RecordingTransactions();
    private final TransactionalUseCases useCases = new TransactionalUseCases(transactions, StoreFailures::toPortException);

    @Test
    void eachCallRunsInItsOwnTransaction() {
        Supplier<String> wrapped = useCases.readWrite(Supplier.class, () -> "done");

        assertThat(wrapped.get()).isEqualTo("done");
        assertThat(transactions.outcomes).containsExactly("begin", "commit");
        assertThat(useCases.snapshotRead(Supplier.class, () -> "read").get()).isEqualTo("read");
        assertThat(transactions.outcomes).endsWith("begin read-only", "commit");
    }

    @Test
    void aReadOpensNoTransactionYetKeepsItsEventsUntilItReturns() {
        List<ChatEvent> heard = new ArrayList<>();
        AfterCommitChatEventPublisher events = new AfterCommitChatEventPublisher(() -> List.of(heard::add));
        ChatEvent started = typingStarted();
        Supplier<Boolean> wrapped = useCases.read(Supplier.class, () -> {
            events.publish(started);
            assertThat(heard).isEmpty();
            assertThat(TransactionSynchronizationManager.isCurrentTransactionReadOnly()).as("marked read-only").isTrue();
            return TransactionSynchronizationManager.isActualTransactionActive();
        });

        assertThat(wrapped.get()).as("a database transaction is active").isFalse();
        assertThat(transactions.outcomes).isEmpty();
        assertThat(heard).containsExactly(started);
    }

    @Test
    void aFailedReadDropsItsEvents() {
        List<ChatEvent> heard = new ArrayList<>();
        AfterCommitChatEventPublisher events = new AfterCommitChatEventPublisher(() -> List.of(heard::add));
        IllegalStateException failure = new IllegalStateException("no");
        Supplier<String> wrapped = useCases.read(Supplier.class, () -> {
            events.publish(typingStarted());
            throw failure;
        });

        assertThatThrownBy(wrapped::get).isSameAs(failure);
        assertThat(heard).isEmpty();
        assertThat(transactions.outcomes).isEmpty();
    }

    @Test
    void aReadInsideACallersTransactionJoinsIt() {
        Supplier<String> read = useCases.read(Supplier.class, () -> {
            assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isTrue();
            return "read";
        });
        Supplier<String> outer = useCases.readWrite(Supplier.class, read::get);

        assertThat(outer.get()).isEqualTo("read");
        assertThat(transactions.outcomes).containsExactly("begin", "commit");
    }

    private static ChatEvent typingStarted() {
        return new TypingStarted(Typing.start(TicketId.of(1), ParticipantType.AGENT, UserId.of(7), DisplayName.of("Alice"),
                Instant.parse("2026-01-15T10:30:00Z")));
    }

    @Test
    void aUseCaseExceptionRollsBackAndPassesThroughUnchanged() {
        IllegalStateException failure = new IllegalStateException("no");
        Supplier<String> wrapped = useCases.readWrite(Supplier.class, () -> {
            throw failure;
        });

        assertThatThrownBy(wrapped::get).isSameAs(failure);
        assertThat(transactions.outcomes).containsExactly("begin", "rollback");
    }

    @Test
    void aDeadlockVictimRunsAgainInAFreshTransaction() {
        AtomicInteger calls = new AtomicInteger();
        Supplier<Integer> wrapped = useCases.readWrite(Supplier.class, () -> {
            if (calls.incrementAndGet() < 3) {
                // What a repository raises when its statement lost a lock conflict.
                throw new ChatStoreConflictException("deadlock", null);
            }
            return calls.get();
        });

        assertThat(wrapped.get()).isEqualTo(3);
        assertThat(transactions.outcomes).containsExactly("begin", "rollback", "begin", "rollback", "begin", "commit");
    }

    @Test
    void retriesStopAfterAFewAttempts() {
        AtomicInteger calls = new AtomicInteger();
        Supplier<Integer> wrapped = useCases.readWrite(Supplier.class, () -> {
            calls.incrementAndGet();
            throw new ChatStoreConflictException("deadlock", null);
        });

        assertThatThrownBy(wrapped::get).isInstanceOf(ChatStoreConflictException.class);
        assertThat(calls).hasValue(TransactionalUseCases.ATTEMPTS_ON_LOCK_FAILURE);
    }

    @Test
    void aDeadlockReportedByTheDriverAloneIsRetriedToo() {
        AtomicInteger calls = new AtomicInteger();
        Supplier<Integer> wrapped = useCases.readWrite(Supplier.class, () -> {
            if (calls.incrementAndGet() < 2) {
                // What a plain-JDBC statement run through jOOQ's connectionResult throws: no Spring translation.
                throw new DataAccessException("Error while running ConnectionCallable",
                        new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213));
            }
            return calls.get();
        });

        assertThat(wrapped.get()).isEqualTo(2);
        assertThat(transactions.outcomes).containsExactly("begin", "rollback", "begin", "commit");
    }

    @Test
    void aDeadlockTranslatedBySpringIsRecognisedByTheDriversCodeItCarries() {
        AtomicInteger calls = new AtomicInteger();
        Supplier<Integer> wrapped = useCases.readWrite(Supplier.class, () -> {
            if (calls.incrementAndGet() < 2) {
                throw new DeadlockLoserDataAccessException("deadlock",
                        new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213));
            }
            return calls.get();
        });

        assertThat(wrapped.get()).isEqualTo(2);
    }

    @Test
    void otherDatabaseErrorsAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        RuntimeException duplicate = new DataAccessException("duplicate",
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062));
        Supplier<Integer> wrapped = useCases.readWrite(Supplier.class, () -> {
            calls.incrementAndGet();
            throw duplicate;
        });

        assertThatThrownBy(wrapped::get).isSameAs(duplicate);
        assertThat(calls).hasValue(1);
    }
}
