package io.ticketchat.persistence.jooq;

import io.ticketchat.domain.MessageId;
import io.ticketchat.domain.NewMessage;
import io.ticketchat.domain.Sender;
import org.jooq.DSLContext;
import org.jooq.Field;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;

import static io.ticketchat.persistence.jooq.generated.tables.ChatMessages.CHAT_MESSAGES;
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

    private final String createHead;
    private final String lockHead;
    private final String insertMessage;
    private final String moveHead;

    SendPathStatements(DSLContext dsl) {
        Field<Integer> ticket = param("ticket", Integer.class);
        // A template: jOOQ's MYSQL rendering of onDuplicateKeyUpdate adds a row alias
        // (VALUES (...) AS excluded) that MariaDB does not parse.
        this.createHead = dsl.render(dsl.query("insert into {0} ({1}) values ({2}) on duplicate key update {1} = {1}",
                CHAT_TICKET_HEADS, field(CHAT_TICKET_HEADS.TICKET_ID.getUnqualifiedName()), ticket));
        this.lockHead = dsl.render(dsl.select(CHAT_TICKET_HEADS.LAST_MESSAGE_ID)
                .from(CHAT_TICKET_HEADS)
                .where(CHAT_TICKET_HEADS.TICKET_ID.eq(ticket))
                .forUpdate());
        this.insertMessage = dsl.render(dsl.insertInto(CHAT_MESSAGES,
                        CHAT_MESSAGES.TICKET_ID, CHAT_MESSAGES.SENDER_TYPE, CHAT_MESSAGES.SENDER_ID, CHAT_MESSAGES.SENDER_NAME,
                        CHAT_MESSAGES.MESSAGE, CHAT_MESSAGES.MESSAGE_TYPE, CHAT_MESSAGES.PARENT_MESSAGE_ID,
                        CHAT_MESSAGES.CLIENT_MESSAGE_ID, CHAT_MESSAGES.CREATED_AT, CHAT_MESSAGES.UPDATED_AT)
                .values(param(CHAT_MESSAGES.TICKET_ID), param(CHAT_MESSAGES.SENDER_TYPE), param(CHAT_MESSAGES.SENDER_ID),
                        param(CHAT_MESSAGES.SENDER_NAME), param(CHAT_MESSAGES.MESSAGE), param(CHAT_MESSAGES.MESSAGE_TYPE),
                        param(CHAT_MESSAGES.PARENT_MESSAGE_ID), param(CHAT_MESSAGES.CLIENT_MESSAGE_ID),
                        param(CHAT_MESSAGES.CREATED_AT), param(CHAT_MESSAGES.UPDATED_AT)));
        this.moveHead = dsl.render(dsl.update(CHAT_TICKET_HEADS)
                .set(CHAT_TICKET_HEADS.LAST_MESSAGE_ID, param("last", Integer.class))
                .where(CHAT_TICKET_HEADS.TICKET_ID.eq(ticket)));
    }

    /**
     * Takes the ticket's write lock, held until the transaction ends, and returns the ticket's newest
     * message id ({@code null} before its first message).
     *
     * <p>The upsert comes first although the head row exists after the ticket's first write: a locking
     * read of a missing row takes a gap lock, and two first writers holding it would deadlock on their
     * inserts. An upsert takes the exclusive lock at once, unlike INSERT IGNORE.
     */
    Integer lockHead(DSLContext tx, int ticket) {
        return tx.connectionResult(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(createHead)) {
                upsert.setInt(1, ticket);
                upsert.executeUpdate();
            }
            try (PreparedStatement read = connection.prepareStatement(lockHead)) {
                read.setInt(1, ticket);
                try (ResultSet head = read.executeQuery()) {
                    head.next();
                    int last = head.getInt(1);
                    return head.wasNull() ? null : last;
                }
            }
        });
    }

    /** @return the id the database gave the message */
    int insert(DSLContext tx, NewMessage message) {
        Sender sender = message.sender();
        return tx.connectionResult(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(insertMessage, Statement.RETURN_GENERATED_KEYS)) {
                insert.setInt(1, ColumnKeys.ticketKey(message.ticketId()));
                insert.setString(2, EnumMapping.toColumn(sender.type()).getLiteral());
                setNullable(insert, 3, sender.userId() == null ? null : ColumnKeys.userKey(sender.userId()));
                insert.setString(4, sender.name().value());
                insert.setString(5, message.text().value());
                insert.setString(6, EnumMapping.toColumn(message.type()).getLiteral());
                setNullable(insert, 7, message.parentId() == null ? null : messageKey(message.parentId()));
                insert.setString(8, message.clientMessageId() == null ? null : message.clientMessageId().value());
                String createdAt = UtcInstantBinding.text(message.createdAt());
                insert.setString(9, createdAt);
                insert.setString(10, createdAt);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getInt(1);
                }
            }
        });
    }

    void moveHead(DSLContext tx, int ticket, int lastMessageId) {
        tx.connection(connection -> {
            try (PreparedStatement update = connection.prepareStatement(moveHead)) {
                update.setInt(1, lastMessageId);
                update.setInt(2, ticket);
                update.executeUpdate();
            }
        });
    }

    private static void setNullable(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static int messageKey(MessageId id) {
        return Math.toIntExact(id.value());
    }
}
