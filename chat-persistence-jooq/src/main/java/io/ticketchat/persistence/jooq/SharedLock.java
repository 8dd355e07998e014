package io.ticketchat.persistence.jooq;

import org.jooq.DSLContext;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.TableRecord;

import java.util.Optional;

/**
 * A shared-locking read that runs on MariaDB and MySQL whichever of the two dialects jOOQ was given:
 * a {@code jdbc:mysql:} URL may well point at a MariaDB server.
 */
final class SharedLock {

    private SharedLock() {
    }

    /**
     * Runs the select as a shared-locking read. {@code LOCK IN SHARE MODE} is understood by MariaDB and
     * MySQL 8 alike, where jOOQ's {@code forShare()} renders MySQL's {@code FOR SHARE} in the MYSQL dialect.
     */
    static <R extends TableRecord<R>> Optional<R> fetchLocked(DSLContext dsl, Select<R> select, Table<R> table) {
        return dsl.resultQuery("{0} lock in share mode", select).fetchOptionalInto(table);
    }

    /** The SQL of the select as a shared-locking read, to be run over plain JDBC. */
    static String render(DSLContext dsl, Select<?> select) {
        return dsl.render(dsl.resultQuery("{0} lock in share mode", select));
    }
}
