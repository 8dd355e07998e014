package io.ticketchat.bootstrap.core;

import io.ticketchat.persistence.jooq.StoreFailures;
import io.ticketchat.application.port.out.ChatStoreUnavailableException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.SimpleTransactionStatus;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The transaction around a use case meets a dead database before and after the use case runs. */
class TransactionalUseCasesOutageTest {

    interface Greeting {
        String greet();
    }

    private final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
    private final TransactionalUseCases useCases = new TransactionalUseCases(transactions, StoreFailures::toPortException);

    @Test
    void noConnectionForTheTransactionIsAnOutage() {
        when(transactions.getTransaction(any())).thenThrow(new CannotCreateTransactionException("could not open",
                new SQLTransientConnectionException("pool timed out")));
        Greeting greeting = useCases.snapshotRead(Greeting.class, () -> "hello");

        assertThatThrownBy(greeting::greet).isInstanceOf(ChatStoreUnavailableException.class)
                .hasCauseInstanceOf(CannotCreateTransactionException.class);
    }

    @Test
    void aReadThatCannotGetAConnectionIsAnOutage() {
        when(transactions.getTransaction(any())).thenReturn(new SimpleTransactionStatus(false));
        // A read opens no transaction: the first statement is where the connection is missed.
        Greeting greeting = useCases.read(Greeting.class, () -> {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new SQLTransientConnectionException("pool timed out"));
        });

        assertThatThrownBy(greeting::greet).isInstanceOf(ChatStoreUnavailableException.class)
                .hasCauseInstanceOf(CannotGetJdbcConnectionException.class);
    }

    @Test
    void aConnectionThatDiesWhileTheTransactionBeginsIsAnOutage() {
        // What the MariaDB driver says when the pool's connection was cut under it: no SQLSTATE at all.
        when(transactions.getTransaction(any())).thenThrow(new CannotCreateTransactionException(
                "Could not open JDBC Connection for transaction", new SQLException("Connection is closed")));
        Greeting greeting = useCases.snapshotRead(Greeting.class, () -> "hello");

        assertThatThrownBy(greeting::greet).isInstanceOf(ChatStoreUnavailableException.class);
    }

    @Test
    void aCommitOnADeadConnectionIsAnOutage() {
        when(transactions.getTransaction(any())).thenReturn(new SimpleTransactionStatus());
        doThrow(new TransactionSystemException("could not commit", new SQLNonTransientConnectionException("reset", "08S01")))
                .when(transactions).commit(any());
        Greeting greeting = useCases.readWrite(Greeting.class, () -> "hello");

        assertThatThrownBy(greeting::greet).isInstanceOf(ChatStoreUnavailableException.class);
    }

    @Test
    void otherFailuresPassThroughUnchanged() {
        when(transactions.getTransaction(any())).thenReturn(new SimpleTransactionStatus());
        IllegalStateException own = new IllegalStateException("the use case's own failure");
        Greeting failing = useCases.readWrite(Greeting.class, () -> {
            throw own;
        });
        assertThatThrownBy(failing::greet).isSameAs(own);

        doThrow(new TransactionSystemException("could not commit", new SQLException("syntax", "42000")))
                .when(transactions).commit(any());
        Greeting greeting = useCases.readWrite(Greeting.class, () -> "hello");
        assertThatThrownBy(greeting::greet).isInstanceOf(TransactionSystemException.class);
    }
}
