package io.ticketchat.persistence.jooq;

import io.ticketchat.domain.MessageId;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.UserId;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;

import java.util.Set;

/** Domain ids to the guide's INT columns, and the dialects the adapters' SQL is written for. */
final class ColumnKeys {

    private static final Set<SQLDialect> SUPPORTED = Set.of(SQLDialect.MARIADB, SQLDialect.MYSQL);

    private ColumnKeys() {
    }

    // TicketId and UserId are range-checked to fit a signed 32-bit column.
    static int ticketKey(TicketId id) {
        return Math.toIntExact(id.value());
    }

    static int userKey(UserId id) {
        return Math.toIntExact(id.value());
    }

    static Integer userKeyOrNull(UserId id) {
        return id == null ? null : userKey(id);
    }

    /** Only for ids that name a stored message: one beyond the INT column cannot. */
    static int messageKey(MessageId id) {
        return Math.toIntExact(id.value());
    }

    /** Ids come from clients too; one beyond the INT column cannot name a stored message. */
    static boolean fitsColumn(MessageId id) {
        return id.value() <= Integer.MAX_VALUE;
    }

    /**
     * Refuses a context of another dialect up front: jOOQ would otherwise emulate the MySQL-only
     * statements (upserts, locking reads) in ways the ordering guarantees were not designed for.
     */
    static DSLContext requireSupportedDialect(DSLContext dsl) {
        SQLDialect family = dsl.dialect().family();
        if (!SUPPORTED.contains(family)) {
            throw new IllegalArgumentException("the chat persistence adapter needs a MySQL or MariaDB DSLContext, not " + family
                    + " (set spring.jooq.sql-dialect or use a jdbc:mysql: / jdbc:mariadb: URL)");
        }
        return dsl;
    }
}
