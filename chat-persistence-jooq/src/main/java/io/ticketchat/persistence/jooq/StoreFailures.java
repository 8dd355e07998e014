package io.ticketchat.persistence.jooq;

import io.ticketchat.application.port.out.ChatStoreConflictException;
import io.ticketchat.application.port.out.ChatStoreUnavailableException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;

/**
 * The one place that reads MySQL's and MariaDB's failures and says what they mean to the ports: the
 * database cannot be reached ({@link ChatStoreUnavailableException}), or the transaction lost a lock
 * conflict and may simply run again ({@link ChatStoreConflictException}). Works on the causes rather than
 * on exception types, because the same failure arrives as jOOQ's {@code DataAccessException}, as the
 * driver's own {@code SQLException} from the statements run over plain JDBC, or, behind Spring's
 * exception translators, as one of Spring's (which keep the driver's exception as their cause).
 *
 * <p>Public for the transaction boundary in the assembly: beginning or committing a transaction fails
 * outside any repository, and {@link #toPortException} tells it what such a failure means.
 */
public final class StoreFailures {

    /** MySQL's and MariaDB's ER_DUP_ENTRY. */
    private static final int DUPLICATE_ENTRY = 1062;
    /** SQLSTATE of a serialization failure, which MySQL and MariaDB use for deadlocks. */
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final int ER_LOCK_DEADLOCK = 1213;
    private static final int ER_LOCK_WAIT_TIMEOUT = 1205;

    private StoreFailures() {
    }

    /** The port's exception for a failure of the database, or the failure itself when it is none of theirs. */
    public static RuntimeException toPortException(RuntimeException failure) {
        if (failure instanceof ChatStoreUnavailableException || failure instanceof ChatStoreConflictException) {
            return failure;
        }
        if (isConnectionFailure(failure)) {
            return new ChatStoreUnavailableException("the chat store cannot be reached", failure);
        }
        if (isLockConflict(failure)) {
            return new ChatStoreConflictException("the transaction lost a lock conflict", failure);
        }
        return failure;
    }

    /** Runs one repository operation, turning the database's failures into the ports' exceptions. */
    static <T> T translated(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (RuntimeException e) {
            throw toPortException(e);
        }
    }

    static void translated(Runnable operation) {
        translated(() -> {
            operation.run();
            return null;
        });
    }

    static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == DUPLICATE_ENTRY) {
                return true;
            }
        }
        return false;
    }

    static boolean isLockConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && (SERIALIZATION_FAILURE.equals(sql.getSQLState())
                    || sql.getErrorCode() == ER_LOCK_DEADLOCK || sql.getErrorCode() == ER_LOCK_WAIT_TIMEOUT)) {
                return true;
            }
        }
        return false;
    }

    static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            // SQLSTATE class 08: connection exception, whatever class the driver chose to throw.
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
