package io.ticketchat.persistence.jooq;

import io.ticketchat.domain.ClientMessageId;
import io.ticketchat.domain.DisplayName;
import io.ticketchat.domain.Message;
import io.ticketchat.domain.MessageId;
import io.ticketchat.domain.MessageText;
import io.ticketchat.domain.NewMessage;
import io.ticketchat.domain.Sender;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.UserId;
import io.ticketchat.persistence.jooq.generated.enums.ChatMessagesMessageType;
import io.ticketchat.persistence.jooq.generated.enums.ChatMessagesSenderType;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SelectConditionStep;
import org.jooq.SelectField;
import org.jooq.Record;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.IntFunction;

import static io.ticketchat.persistence.jooq.generated.tables.ChatMessages.CHAT_MESSAGES;
import static org.jooq.impl.DSL.param;

/**
 * The one place that knows how a message is a row of {@code chat_messages}: the columns read and
 * written, and how each maps to and from the domain. Every statement on the table is rendered once by
 * jOOQ from these lists and then run over plain JDBC ({@link SendPathStatements},
 * {@link ReadPathStatements}), binding and reading by position; a new column is a change here alone.
 */
final class MessageRows {

    /** The columns every read of whole messages selects, in the order {@link #toMessage} reads them. */
    private static final List<Field<?>> SELECTED = List.of(CHAT_MESSAGES.ID, CHAT_MESSAGES.TICKET_ID,
            CHAT_MESSAGES.SENDER_TYPE, CHAT_MESSAGES.SENDER_ID, CHAT_MESSAGES.SENDER_NAME, CHAT_MESSAGES.MESSAGE,
            CHAT_MESSAGES.MESSAGE_TYPE, CHAT_MESSAGES.READ_AT, CHAT_MESSAGES.EDITED_AT, CHAT_MESSAGES.PARENT_MESSAGE_ID,
            CHAT_MESSAGES.CLIENT_MESSAGE_ID, CHAT_MESSAGES.CREATED_AT, CHAT_MESSAGES.UPDATED_AT);

    /** The columns an insert sets, in the order {@link #bindInsert} binds them; the rest take their defaults. */
    private static final List<Field<?>> INSERTED = List.of(CHAT_MESSAGES.TICKET_ID, CHAT_MESSAGES.SENDER_TYPE,
            CHAT_MESSAGES.SENDER_ID, CHAT_MESSAGES.SENDER_NAME, CHAT_MESSAGES.MESSAGE, CHAT_MESSAGES.MESSAGE_TYPE,
            CHAT_MESSAGES.PARENT_MESSAGE_ID, CHAT_MESSAGES.CLIENT_MESSAGE_ID, CHAT_MESSAGES.CREATED_AT,
            CHAT_MESSAGES.UPDATED_AT);

    private MessageRows() {
    }

    /** {@code select <every column> from chat_messages where <condition>}, to be ordered or limited by the caller. */
    static SelectConditionStep<Record> select(DSLContext dsl, Condition where) {
        return dsl.select(SELECTED.toArray(SelectField[]::new)).from(CHAT_MESSAGES).where(where);
    }

    /** The insert of one message with a parameter per column of {@link #INSERTED}. */
    static String renderInsert(DSLContext dsl) {
        return dsl.render(dsl.insertInto(CHAT_MESSAGES, INSERTED)
                .values(INSERTED.stream().map(column -> param(column)).toArray(Field[]::new)));
    }

    static void bindInsert(PreparedStatement insert, NewMessage message) throws SQLException {
        Sender sender = message.sender();
        insert.setInt(1, ColumnKeys.ticketKey(message.ticketId()));
        insert.setString(2, EnumMapping.toColumn(sender.type()).getLiteral());
        setNullable(insert, 3, ColumnKeys.userKeyOrNull(sender.userId()));
        insert.setString(4, sender.name().value());
        insert.setString(5, message.text().value());
        insert.setString(6, EnumMapping.toColumn(message.type()).getLiteral());
        setNullable(insert, 7, message.parentId() == null ? null : ColumnKeys.messageKey(message.parentId()));
        insert.setString(8, message.clientMessageId() == null ? null : message.clientMessageId().value());
        String createdAt = UtcInstantBinding.text(message.createdAt());
        insert.setString(9, createdAt);
        insert.setString(10, createdAt);
    }

    /** The message on the result set's current row, selected by {@link #select}. */
    static Message toMessage(ResultSet row) throws SQLException {
        Sender sender = new Sender(EnumMapping.toDomain(ChatMessagesSenderType.lookupLiteral(row.getString(3))),
                nullableInt(row, 4, UserId::of), DisplayName.stored(row.getString(5)));
        return new Message(
                MessageId.of(row.getInt(1)),
                TicketId.of(row.getInt(2)),
                sender,
                MessageText.stored(row.getString(6)),
                EnumMapping.toDomain(ChatMessagesMessageType.lookupLiteral(row.getString(7))),
                instant(row, 8),
                instant(row, 9),
                nullableInt(row, 10, MessageId::of),
                row.getString(11) == null ? null : ClientMessageId.of(row.getString(11)),
                instant(row, 12),
                instant(row, 13));
    }

    private static void setNullable(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static <T> T nullableInt(ResultSet row, int column, IntFunction<T> of) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : of.apply(value);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        return UtcInstantBinding.instant(row.getObject(column, LocalDateTime.class));
    }
}
