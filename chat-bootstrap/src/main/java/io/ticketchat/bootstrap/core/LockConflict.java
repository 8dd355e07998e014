package io.ticketchat.bootstrap.core;

import org.springframework.dao.PessimisticLockingFailureException;

import java.sql.SQLException;

/**
 * Recognises a transaction that lost a lock conflict: chosen as a deadlock victim, or tired of waiting
 * for a lock. Such a transaction can simply run again. Spring's translator names it when the failure
 * came through jOOQ's query execution; the send path's statements run over plain JDBC, so the driver's
 * own codes are checked too.
 */
final class LockConflict {

    /** SQLSTATE of a serialization failure, which MySQL and MariaDB use for deadlocks. */
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final int ER_LOCK_DEADLOCK = 1213;
    private static final int ER_LOCK_WAIT_TIMEOUT = 1205;

    private LockConflict() {
    }

    static boolean isLockConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PessimisticLockingFailureException) {
                return true;
            }
            if (t instanceof SQLException sql && (SERIALIZATION_FAILURE.equals(sql.getSQLState())
                    || sql.getErrorCode() == ER_LOCK_DEADLOCK || sql.getErrorCode() == ER_LOCK_WAIT_TIMEOUT)) {
                return true;
            }
        }
        return false;
    }
}
