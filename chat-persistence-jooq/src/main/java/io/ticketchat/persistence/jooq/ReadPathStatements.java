package io.ticketchat.persistence.jooq;

import io.ticketchat.application.port.in.MessagePageRequest;
import io.ticketchat.domain.ClientMessageId;
import io.ticketchat.domain.DisplayName;
import io.ticketchat.domain.Message;
import io.ticketchat.domain.MessageId;
import io.ticketchat.domain.MessageText;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.Sender;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.UserId;
import io.ticketchat.persistence.jooq.generated.enums.ChatMessagesMessageType;
import io.ticketchat.persistence.jooq.generated.enums.ChatMessagesSenderType;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SelectField;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import static io.ticketchat.persistence.jooq.generated.tables.ChatMessages.CHAT_MESSAGES;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.param;

/**
 * The two reads every open chat repeats, a page of history and the unread count, built with jOOQ once
 * and then run over plain JDBC, for the reason {@link SendPathStatements} gives: a profile of the REST
 * reads at steady state showed jOOQ building, rendering and mapping these queries as a fifth of a
 * history request's CPU. The SQL is jOOQ's, rendered from the generated tables; rows are mapped by
 * column position in the order {@link #COLUMNS} selects them.
 */
final class ReadPathStatements {

    private static final List<Field<?>> COLUMNS = List.of(CHAT_MESSAGES.ID, CHAT_MESSAGES.TICKET_ID,
            CHAT_MESSAGES.SENDER_TYPE, CHAT_MESSAGES.SENDER_ID, CHAT_MESSAGES.SENDER_NAME, CHAT_MESSAGES.MESSAGE,
            CHAT_MESSAGES.MESSAGE_TYPE, CHAT_MESSAGES.READ_AT, CHAT_MESSAGES.EDITED_AT, CHAT_MESSAGES.PARENT_MESSAGE_ID,
            CHAT_MESSAGES.CLIENT_MESSAGE_ID, CHAT_MESSAGES.CREATED_AT, CHAT_MESSAGES.UPDATED_AT);

    /** The sender types whose messages a reader of each type has to read. */
    private static final Map<ParticipantType, List<ChatMessagesSenderType>> OTHER_SENDERS = otherSenders();

    private static final int FORWARD = 4;
    private static final int AFTER = 2;
    private static final int BEFORE = 1;

    private final DSLContext dsl;
    /** Page statements by shape (direction, and which of afterId and beforeId bound it), see {@link #shape}. */
    private final String[] pages = new String[8];
    private final Map<ParticipantType, String> unreadCounts = new EnumMap<>(ParticipantType.class);

    ReadPathStatements(DSLContext dsl) {
        this.dsl = dsl;
        for (int shape = 0; shape < pages.length; shape++) {
            pages[shape] = renderPage((shape & FORWARD) != 0, (shape & AFTER) != 0, (shape & BEFORE) != 0);
        }
        for (ParticipantType reader : ParticipantType.values()) {
            unreadCounts.put(reader, dsl.render(dsl.select(count()).from(CHAT_MESSAGES)
                    .where(unreadFor(param("ticket", Integer.class), reader))));
        }
    }

    /** Matches idx_chat_messages_unread: ticket, is_read, then the sender types of the other side. */
    static Condition unreadFor(Field<Integer> ticket, ParticipantType reader) {
        return CHAT_MESSAGES.TICKET_ID.eq(ticket)
                .and(CHAT_MESSAGES.IS_READ.isFalse())
                .and(CHAT_MESSAGES.SENDER_TYPE.in(OTHER_SENDERS.get(reader)));
    }

    private static Map<ParticipantType, List<ChatMessagesSenderType>> otherSenders() {
        Map<ParticipantType, List<ChatMessagesSenderType>> others = new EnumMap<>(ParticipantType.class);
        for (ParticipantType reader : ParticipantType.values()) {
            ChatMessagesSenderType own = EnumMapping.toColumn(reader.asSenderType());
            others.put(reader, Arrays.stream(ChatMessagesSenderType.values()).filter(type -> type != own).toList());
        }
        return others;
    }

    long countUnread(TicketId ticketId, ParticipantType reader) {
        return dsl.connectionResult(connection -> {
            try (PreparedStatement count = connection.prepareStatement(unreadCounts.get(reader))) {
                count.setInt(1, ColumnKeys.ticketKey(ticketId));
                int index = 2;
                for (ChatMessagesSenderType other : OTHER_SENDERS.get(reader)) {
                    count.setString(index++, other.getLiteral());
                }
                try (ResultSet result = count.executeQuery()) {
                    result.next();
                    return result.getLong(1);
                }
            }
        });
    }

    /** The page in ascending id order, with one row beyond it when there is more. */
    List<Message> page(TicketId ticketId, MessagePageRequest page) {
        boolean after = page.afterId() != null;
        boolean before = page.beforeId() != null && ColumnKeys.fitsColumn(page.beforeId());
        return dsl.connectionResult(connection -> {
            try (PreparedStatement select = connection.prepareStatement(pages[shape(page.readsForward(), after, before)])) {
                int index = 1;
                select.setInt(index++, ColumnKeys.ticketKey(ticketId));
                if (after) {
                    select.setInt(index++, ColumnKeys.messageKey(page.afterId()));
                }
                if (before) {
                    select.setInt(index++, ColumnKeys.messageKey(page.beforeId()));
                }
                // One row beyond the page tells the caller whether there is more.
                select.setInt(index, page.limit() + 1);
                List<Message> found = new ArrayList<>(page.limit() + 1);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(toMessage(rows));
                    }
                }
                if (!page.readsForward()) {
                    Collections.reverse(found);
                }
                return found;
            }
        });
    }

    private static int shape(boolean forward, boolean after, boolean before) {
        return (forward ? FORWARD : 0) | (after ? AFTER : 0) | (before ? BEFORE : 0);
    }

    private String renderPage(boolean forward, boolean after, boolean before) {
        Condition condition = CHAT_MESSAGES.TICKET_ID.eq(param("ticket", Integer.class));
        if (after) {
            condition = condition.and(CHAT_MESSAGES.ID.gt(param("after", Integer.class)));
        }
        if (before) {
            condition = condition.and(CHAT_MESSAGES.ID.lt(param("before", Integer.class)));
        }
        return dsl.render(dsl.select(COLUMNS.toArray(SelectField[]::new)).from(CHAT_MESSAGES).where(condition)
                .orderBy(forward ? CHAT_MESSAGES.ID.asc() : CHAT_MESSAGES.ID.desc())
                .limit(param("rows", Integer.class)));
    }

    private static Message toMessage(ResultSet row) throws SQLException {
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

    private static <T> T nullableInt(ResultSet row, int column, IntFunction<T> of) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : of.apply(value);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        return UtcInstantBinding.instant(row.getObject(column, LocalDateTime.class));
    }
}
