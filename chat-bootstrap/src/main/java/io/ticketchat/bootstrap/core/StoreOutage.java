package io.ticketchat.bootstrap.core;

import io.ticketchat.application.port.out.ChatStoreUnavailableException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises "the database cannot be reached" in failures of the transaction itself (no connection to
 * begin with, a commit on a dead connection), which happen outside any repository and so are not
 * translated by the persistence adapter. The same causes as the adapter's: connection exceptions and
 * SQLSTATE class 08.
 */
final class StoreOutage {

    private StoreOutage() {
    }

    static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof ChatStoreUnavailableException || !isConnectionFailure(failure)) {
            return failure;
        }
        return new ChatStoreUnavailableException("the chat store cannot be reached", failure);
    }

    static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
