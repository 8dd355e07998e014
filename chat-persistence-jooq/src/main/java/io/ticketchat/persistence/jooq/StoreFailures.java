package io.ticketchat.persistence.jooq;

import io.ticketchat.application.port.out.ChatStoreUnavailableException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;

/**
 * Recognises the database failures the adapters handle. Works on the causes rather than on exception
 * types, because the same failure arrives as jOOQ's {@code DataAccessException} or, behind Spring
 * Boot's exception translator, as one of Spring's.
 */
final class StoreFailures {

    /** MySQL's and MariaDB's ER_DUP_ENTRY. */
    private static final int DUPLICATE_ENTRY = 1062;

    private StoreFailures() {
    }

    /** Runs one repository operation, turning "cannot reach the database" into the port's exception. */
    static <T> T translated(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (RuntimeException e) {
            if (isConnectionFailure(e)) {
                throw new ChatStoreUnavailableException("the chat store cannot be reached", e);
            }
            throw e;
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
