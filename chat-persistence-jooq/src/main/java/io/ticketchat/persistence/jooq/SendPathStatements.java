package io.ticketchat.persistence.jooq;

import io.ticketchat.domain.NewMessage;
import org.jooq.CaseValueStep;
import org.jooq.CaseWhenStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;

import static io.ticketchat.persistence.jooq.generated.tables.ChatTicketHeads.CHAT_TICKET_HEADS;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.param;

/**
 * The statements every sent message runs, built with jOOQ once and then run over plain JDBC. A profile
 * of the send path showed jOOQ building and rendering these queries anew for each message as the
 * largest cost of a send, larger than the database round trips. The SQL text is still jOOQ's, rendered
 * from the generated tables in the repository's dialect; only the per-message work is skipped, as the
 * jOOQ manual suggests for hot queries. The statements run on the connection jOOQ hands out, so they
 * take part in the caller's transaction like every other query; failures reach the caller as jOOQ's
 * {@code DataAccessException} with the driver's {@code SQLException} as the cause.
 */
final class SendPathStatements {

    /** Statements locking and moving the heads of n tickets, rendered once for each n that occurs. */
    private final Map<Integer, String> createHeads = new ConcurrentHashMap<>();
    private final Map<Integer, String> lockHeads = new ConcurrentHashMap<>();
    private final Map<Integer, String> moveHeads = new ConcurrentHashMap<>();
    private final DSLContext dsl;
    private final String insertMessage;

    SendPathStatements(DSLContext dsl) {
        this.dsl = dsl;
        this.insertMessage = MessageRows.renderInsert(dsl);
    }

    /**
     * Takes the write locks of the tickets' heads, held until the transaction ends, and returns each
     * ticket's newest message id ({@code null} before its first message). Two statements whatever the
     * number of tickets: one upsert of every head, then one locking read of all of them.
     *
     * <p>The upsert comes first although a head row exists after the ticket's first write: a locking
     * read of a missing row takes a gap lock, and two first writers holding it would deadlock on their
     * inserts. An upsert takes the exclusive lock at once, unlike INSERT IGNORE. The tickets are locked
     * in ascending order, so two writers locking several heads cannot wait for each other in a cycle.
     */
    Map<Integer, Integer> lockHeads(DSLContext tx, SortedSet<Integer> tickets) {
        int n = tickets.size();
        return tx.connectionResult(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(createHeads.computeIfAbsent(n, this::renderCreateHeads))) {
                bindAll(upsert, 1, tickets);
                upsert.executeUpdate();
            }
            Map<Integer, Integer> newest = new HashMap<>();
            try (PreparedStatement read = connection.prepareStatement(lockHeads.computeIfAbsent(n, this::renderLockHeads))) {
                bindAll(read, 1, tickets);
                try (ResultSet heads = read.executeQuery()) {
                    while (heads.next()) {
                        int ticket = heads.getInt(1);
                        int last = heads.getInt(2);
                        newest.put(ticket, heads.wasNull() ? null : last);
                    }
                }
            }
            return newest;
        });
    }

    /** Sets each ticket's newest message id, in one statement. */
    void moveHeads(DSLContext tx, SortedMap<Integer, Integer> newest) {
        int n = newest.size();
        if (n == 0) {
            return;
        }
        tx.connection(connection -> {
            try (PreparedStatement update = connection.prepareStatement(moveHeads.computeIfAbsent(n, this::renderMoveHeads))) {
                int index = 1;
                for (Map.Entry<Integer, Integer> head : newest.entrySet()) {
                    update.setInt(index++, head.getKey());
                    update.setInt(index++, head.getValue());
                }
                bindAll(update, index, newest.keySet());
                update.executeUpdate();
            }
        });
    }

    private String renderCreateHeads(int tickets) {
        // A template: jOOQ's MYSQL rendering of onDuplicateKeyUpdate adds a row alias
        // (VALUES (...) AS excluded) that MariaDB does not parse.
        List<Object> parts = new ArrayList<>(List.of(CHAT_TICKET_HEADS, field(CHAT_TICKET_HEADS.TICKET_ID.getUnqualifiedName())));
        StringJoiner rows = new StringJoiner(", ");
        for (int i = 0; i < tickets; i++) {
            rows.add("({" + parts.size() + "})");
            parts.add(ticketParam(i));
        }
        return dsl.render(dsl.query("insert into {0} ({1}) values " + rows + " on duplicate key update {1} = {1}",
                parts.toArray()));
    }

    private String renderLockHeads(int tickets) {
        return dsl.render(dsl.select(CHAT_TICKET_HEADS.TICKET_ID, CHAT_TICKET_HEADS.LAST_MESSAGE_ID)
                .from(CHAT_TICKET_HEADS)
                .where(CHAT_TICKET_HEADS.TICKET_ID.in(ticketParams(tickets)))
                .forUpdate());
    }

    private String renderMoveHeads(int tickets) {
        CaseValueStep<Integer> byTicket = DSL.choose(CHAT_TICKET_HEADS.TICKET_ID);
        CaseWhenStep<Integer, Integer> newest = null;
        for (int i = 0; i < tickets; i++) {
            Field<Integer> ticket = ticketParam(i);
            Field<Integer> last = param("last" + i, Integer.class);
            newest = newest == null ? byTicket.when(ticket, last) : newest.when(ticket, last);
        }
        return dsl.render(dsl.update(CHAT_TICKET_HEADS)
                .set(CHAT_TICKET_HEADS.LAST_MESSAGE_ID, newest)
                .where(CHAT_TICKET_HEADS.TICKET_ID.in(ticketParams(tickets))));
    }

    private static List<Field<Integer>> ticketParams(int tickets) {
        List<Field<Integer>> params = new ArrayList<>();
        for (int i = 0; i < tickets; i++) {
            params.add(ticketParam(i));
        }
        return params;
    }

    private static Field<Integer> ticketParam(int i) {
        return param("ticket" + i, Integer.class);
    }

    private static void bindAll(PreparedStatement statement, int first, Collection<Integer> tickets) throws SQLException {
        int index = first;
        for (int ticket : tickets) {
            statement.setInt(index++, ticket);
        }
    }

    /** @return the id the database gave the message */
    int insert(DSLContext tx, NewMessage message) {
        return tx.connectionResult(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(insertMessage, Statement.RETURN_GENERATED_KEYS)) {
                MessageRows.bindInsert(insert, message);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getInt(1);
                }
            }
        });
    }
}
