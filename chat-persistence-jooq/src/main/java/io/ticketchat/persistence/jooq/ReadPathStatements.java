package io.ticketchat.persistence.jooq;

import io.ticketchat.application.port.in.MessagePageRequest;
import io.ticketchat.domain.ClientMessageId;
import io.ticketchat.domain.Message;
import io.ticketchat.domain.MessageId;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.Sender;
import io.ticketchat.domain.TicketId;
import io.ticketchat.persistence.jooq.generated.enums.ChatMessagesSenderType;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Select;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.ticketchat.persistence.jooq.generated.tables.ChatMessages.CHAT_MESSAGES;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.param;

/**
 * The two reads every open chat repeats, a page of history and the unread count, built with jOOQ once
 * and then run over plain JDBC, for the reason {@link SendPathStatements} gives: a profile of the REST
 * reads at steady state showed jOOQ building, rendering and mapping these queries as a fifth of a
 * history request's CPU. The SQL is jOOQ's, rendered from the generated tables; {@link MessageRows} owns
 * the columns and their mapping. The single-message lookups run the same way.
 */
final class ReadPathStatements {

    /** The sender types whose messages a reader of each type has to read. */
    private static final Map<ParticipantType, List<ChatMessagesSenderType>> OTHER_SENDERS = otherSenders();

    private static final int FORWARD = 4;
    private static final int AFTER = 2;
    private static final int BEFORE = 1;

    private final DSLContext dsl;
    /** Page statements by shape (direction, and which of afterId and beforeId bound it), see {@link #shape}. */
    private final String[] pages = new String[8];
    private final Map<ParticipantType, String> unreadCounts = new EnumMap<>(ParticipantType.class);
    private final String byId;
    /** By clientMessageId: [locked][sender id is null], the lock a shared one that sees rows committed since the snapshot. */
    private final String[][] byClientMessage = new String[2][2];

    ReadPathStatements(DSLContext dsl) {
        this.dsl = dsl;
        this.byId = dsl.render(MessageRows.select(dsl, CHAT_MESSAGES.TICKET_ID.eq(param("ticket", Integer.class))
                .and(CHAT_MESSAGES.ID.eq(param("id", Integer.class)))));
        for (int locked = 0; locked < 2; locked++) {
            for (int systemSender = 0; systemSender < 2; systemSender++) {
                Select<?> select = MessageRows.select(dsl, CHAT_MESSAGES.TICKET_ID.eq(param("ticket", Integer.class))
                        .and(CHAT_MESSAGES.SENDER_TYPE.eq(param("senderType", ChatMessagesSenderType.class)))
                        .and(systemSender == 1 ? CHAT_MESSAGES.SENDER_ID.isNull() : CHAT_MESSAGES.SENDER_ID.eq(param("senderId", Integer.class)))
                        .and(CHAT_MESSAGES.CLIENT_MESSAGE_ID.eq(param("clientMessageId", String.class))));
                byClientMessage[locked][systemSender] = locked == 1 ? SharedLock.render(dsl, select) : dsl.render(select);
            }
        }
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
                        found.add(MessageRows.toMessage(rows));
                    }
                }
                if (!page.readsForward()) {
                    Collections.reverse(found);
                }
                return found;
            }
        });
    }

    Optional<Message> findById(TicketId ticketId, MessageId messageId) {
        return dsl.connectionResult(connection -> {
            try (PreparedStatement select = connection.prepareStatement(byId)) {
                select.setInt(1, ColumnKeys.ticketKey(ticketId));
                select.setInt(2, ColumnKeys.messageKey(messageId));
                return single(select);
            }
        });
    }

    /**
     * @param tx     the caller's transaction, for a locking read
     * @param locked a shared-locking read, which also sees rows committed after the caller's snapshot
     */
    Optional<Message> findByClientMessageId(DSLContext tx, TicketId ticketId, Sender sender,
                                            ClientMessageId clientMessageId, boolean locked) {
        String sql = byClientMessage[locked ? 1 : 0][sender.userId() == null ? 1 : 0];
        return tx.connectionResult(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int index = 1;
                select.setInt(index++, ColumnKeys.ticketKey(ticketId));
                select.setString(index++, EnumMapping.toColumn(sender.type()).getLiteral());
                if (sender.userId() != null) {
                    select.setInt(index++, ColumnKeys.userKey(sender.userId()));
                }
                select.setString(index, clientMessageId.value());
                return single(select);
            }
        });
    }

    private static Optional<Message> single(PreparedStatement select) throws java.sql.SQLException {
        try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(MessageRows.toMessage(rows)) : Optional.empty();
        }
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
        return dsl.render(MessageRows.select(dsl, condition)
                .orderBy(forward ? CHAT_MESSAGES.ID.asc() : CHAT_MESSAGES.ID.desc())
                .limit(param("rows", Integer.class)));
    }
}
