package io.ticketchat.persistence.jooq;

import io.ticketchat.application.port.in.MessagePageRequest;
import io.ticketchat.application.port.out.MessageRepository;
import io.ticketchat.domain.ClientMessageId;
import io.ticketchat.domain.DisplayName;
import io.ticketchat.domain.Message;
import io.ticketchat.domain.MessageId;
import io.ticketchat.domain.MessageText;
import io.ticketchat.domain.NewMessage;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.Sender;
import io.ticketchat.domain.SenderType;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.UserId;
import io.ticketchat.persistence.jooq.generated.enums.ChatMessagesSenderType;
import io.ticketchat.persistence.jooq.generated.tables.records.ChatMessagesRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static io.ticketchat.persistence.jooq.generated.tables.ChatMessages.CHAT_MESSAGES;
import static io.ticketchat.persistence.jooq.generated.tables.ChatTicketHeads.CHAT_TICKET_HEADS;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.val;

/**
 * Messages in {@code chat_messages}.
 *
 * <p>Ordering: {@link #append} first locks the ticket's row in {@code chat_ticket_heads} and holds the
 * lock until the surrounding transaction ends. Appends to one ticket therefore insert and commit one
 * after the other, and a message that commits later always has a larger id. The idempotency check runs
 * under the same lock; the unique key on {@code client_message_id} backs it up.
 */
public final class JooqMessageRepository implements MessageRepository {

    private static final ChatMessagesSenderType[] ALL_SENDERS = ChatMessagesSenderType.values();

    private final DSLContext dsl;

    public JooqMessageRepository(DSLContext dsl) {
        this.dsl = ColumnKeys.requireSupportedDialect(dsl);
    }

    @Override
    public Appended append(NewMessage message) {
        // A nested transaction (a savepoint inside the caller's) so the lock spans the insert even when
        // the caller runs without a transaction of its own.
        return StoreFailures.translated(() -> dsl.transactionResult(tx -> appendUnderTicketLock(tx.dsl(), message)));
    }

    private Appended appendUnderTicketLock(DSLContext tx, NewMessage message) {
        int ticket = ColumnKeys.ticketKey(message.ticketId());
        Integer previous = lockTicketHead(tx, ticket);

        if (message.clientMessageId() != null) {
            // Usually a retry finds its original here. A plain read may miss an original committed after
            // the caller's snapshot began; the unique key catches that case below.
            Optional<Message> original = findOriginal(tx, message, false);
            if (original.isEmpty() && message.sender().userId() == null) {
                // The unique key cannot cover a NULL sender id, so system senders get a locking read.
                original = findOriginal(tx, message, true);
            }
            if (original.isPresent()) {
                return new Appended(original.get(), false, null);
            }
        }
        int id;
        try {
            id = insert(tx, message);
        } catch (RuntimeException e) {
            if (message.clientMessageId() == null || !StoreFailures.isDuplicateKey(e)) {
                throw e;
            }
            // The same sender already stored this clientMessageId; MySQL undid only the failed statement.
            return new Appended(findOriginal(tx, message, true).orElseThrow(() -> e), false, null);
        }
        tx.update(CHAT_TICKET_HEADS)
                .set(CHAT_TICKET_HEADS.LAST_MESSAGE_ID, id)
                .where(CHAT_TICKET_HEADS.TICKET_ID.eq(ticket))
                .execute();
        ChatMessagesRecord stored = tx.selectFrom(CHAT_MESSAGES).where(CHAT_MESSAGES.ID.eq(id)).fetchSingle();
        return new Appended(toMessage(stored), true, previous == null ? null : MessageId.of(previous));
    }

    /**
     * Takes the ticket's write lock, held until the caller's transaction ends, and returns the ticket's
     * newest message id. Every write to a ticket's messages takes it first, so writers of one ticket
     * queue up instead of deadlocking on each other's index ranges.
     */
    private static Integer lockTicketHead(DSLContext tx, int ticket) {
        // Written as a template: jOOQ's MYSQL rendering adds a row alias (VALUES (...) AS excluded)
        // that MariaDB does not parse. An upsert takes the exclusive lock at once, unlike INSERT IGNORE.
        tx.query("insert into {0} ({1}) values ({2}) on duplicate key update {1} = {1}",
                        CHAT_TICKET_HEADS, unqualified(CHAT_TICKET_HEADS.TICKET_ID), val(ticket))
                .execute();
        return tx.select(CHAT_TICKET_HEADS.LAST_MESSAGE_ID)
                .from(CHAT_TICKET_HEADS)
                .where(CHAT_TICKET_HEADS.TICKET_ID.eq(ticket))
                .forUpdate()
                .fetchOne(CHAT_TICKET_HEADS.LAST_MESSAGE_ID);
    }

    private static int insert(DSLContext tx, NewMessage message) {
        Sender sender = message.sender();
        return tx.insertInto(CHAT_MESSAGES)
                .set(CHAT_MESSAGES.TICKET_ID, ColumnKeys.ticketKey(message.ticketId()))
                .set(CHAT_MESSAGES.SENDER_TYPE, EnumMapping.toColumn(sender.type()))
                .set(CHAT_MESSAGES.SENDER_ID, sender.userId() == null ? null : ColumnKeys.userKey(sender.userId()))
                .set(CHAT_MESSAGES.SENDER_NAME, sender.name().value())
                .set(CHAT_MESSAGES.MESSAGE, message.text().value())
                .set(CHAT_MESSAGES.MESSAGE_TYPE, EnumMapping.toColumn(message.type()))
                .set(CHAT_MESSAGES.PARENT_MESSAGE_ID, message.parentId() == null ? null : messageKey(message.parentId()))
                .set(CHAT_MESSAGES.CLIENT_MESSAGE_ID, message.clientMessageId() == null ? null : message.clientMessageId().value())
                .set(CHAT_MESSAGES.CREATED_AT, message.createdAt())
                .returningResult(CHAT_MESSAGES.ID)
                .fetchSingle()
                .value1();
    }

    /** A locking read also sees rows committed after the caller's snapshot was taken. */
    private static Optional<Message> findOriginal(DSLContext tx, NewMessage message, boolean locking) {
        var query = tx.selectFrom(CHAT_MESSAGES)
                .where(sameClientMessage(message.ticketId(), message.sender(), message.clientMessageId()));
        return (locking ? SharedLock.fetchLocked(tx, query, CHAT_MESSAGES) : query.fetchOptional())
                .map(JooqMessageRepository::toMessage);
    }

    private static Field<Integer> unqualified(Field<Integer> column) {
        return field(column.getUnqualifiedName(), column.getDataType());
    }

    @Override
    public List<Message> page(TicketId ticketId, MessagePageRequest page) {
        if (page.afterId() != null && !fitsColumn(page.afterId())) {
            return List.of();
        }
        return StoreFailures.translated(() -> {
            Condition condition = CHAT_MESSAGES.TICKET_ID.eq(ColumnKeys.ticketKey(ticketId));
            if (page.afterId() != null) {
                condition = condition.and(CHAT_MESSAGES.ID.gt(messageKey(page.afterId())));
            }
            if (page.beforeId() != null && fitsColumn(page.beforeId())) {
                condition = condition.and(CHAT_MESSAGES.ID.lt(messageKey(page.beforeId())));
            }
            // One row beyond the page tells the caller whether there is more.
            int rows = page.limit() + 1;
            if (page.readsForward()) {
                return dsl.selectFrom(CHAT_MESSAGES).where(condition).orderBy(CHAT_MESSAGES.ID.asc()).limit(rows)
                        .fetch(JooqMessageRepository::toMessage);
            }
            List<Message> found = new ArrayList<>(dsl.selectFrom(CHAT_MESSAGES).where(condition)
                    .orderBy(CHAT_MESSAGES.ID.desc()).limit(rows)
                    .fetch(JooqMessageRepository::toMessage));
            Collections.reverse(found);
            return found;
        });
    }

    @Override
    public Optional<Message> findById(TicketId ticketId, MessageId messageId) {
        if (!fitsColumn(messageId)) {
            return Optional.empty();
        }
        return StoreFailures.translated(() -> dsl.selectFrom(CHAT_MESSAGES)
                .where(CHAT_MESSAGES.TICKET_ID.eq(ColumnKeys.ticketKey(ticketId)), CHAT_MESSAGES.ID.eq(messageKey(messageId)))
                .fetchOptional()
                .map(JooqMessageRepository::toMessage));
    }

    @Override
    public Optional<Message> findByClientMessageId(TicketId ticketId, Sender sender, ClientMessageId clientMessageId) {
        return StoreFailures.translated(() -> dsl.selectFrom(CHAT_MESSAGES)
                .where(sameClientMessage(ticketId, sender, clientMessageId))
                .fetchOptional()
                .map(JooqMessageRepository::toMessage));
    }

    @Override
    public Optional<MessageId> latestId(TicketId ticketId) {
        return StoreFailures.translated(() -> dsl.select(max(CHAT_MESSAGES.ID))
                .from(CHAT_MESSAGES)
                .where(CHAT_MESSAGES.TICKET_ID.eq(ColumnKeys.ticketKey(ticketId)))
                .fetchOptional(0, Integer.class)
                .map(MessageId::of));
    }

    @Override
    public ReadMark markRead(TicketId ticketId, ParticipantType reader, Instant readAt) {
        return StoreFailures.translated(() -> dsl.transactionResult(tx -> {
            Condition unread = unreadFor(ticketId, reader);
            // Queued behind the ticket's other writers (appends, the other side's markRead) rather than
            // racing them for gap locks on the unread index, which deadlocked under load.
            lockTicketHead(tx.dsl(), ColumnKeys.ticketKey(ticketId));
            Integer upTo = tx.dsl().select(max(CHAT_MESSAGES.ID)).from(CHAT_MESSAGES).where(unread).forUpdate()
                    .fetchOne(0, Integer.class);
            if (upTo == null) {
                return new ReadMark(0, null);
            }
            int marked = tx.dsl().update(CHAT_MESSAGES)
                    .set(CHAT_MESSAGES.IS_READ, true)
                    .set(CHAT_MESSAGES.READ_AT, readAt)
                    .where(unread, CHAT_MESSAGES.ID.le(upTo))
                    .execute();
            return new ReadMark(marked, MessageId.of(upTo));
        }));
    }

    @Override
    public long countUnread(TicketId ticketId, ParticipantType reader) {
        return StoreFailures.translated(() -> (long) dsl.fetchCount(CHAT_MESSAGES, unreadFor(ticketId, reader)));
    }

    /** Matches idx_chat_messages_unread: ticket, is_read, then the sender types of the other side. */
    private static Condition unreadFor(TicketId ticketId, ParticipantType reader) {
        ChatMessagesSenderType own = EnumMapping.toColumn(reader.asSenderType());
        List<ChatMessagesSenderType> others = Arrays.stream(ALL_SENDERS).filter(type -> type != own).toList();
        return CHAT_MESSAGES.TICKET_ID.eq(ColumnKeys.ticketKey(ticketId))
                .and(CHAT_MESSAGES.IS_READ.isFalse())
                .and(CHAT_MESSAGES.SENDER_TYPE.in(others));
    }

    private static Condition sameClientMessage(TicketId ticketId, Sender sender, ClientMessageId clientMessageId) {
        Condition senderId = sender.userId() == null
                ? CHAT_MESSAGES.SENDER_ID.isNull()
                : CHAT_MESSAGES.SENDER_ID.eq(ColumnKeys.userKey(sender.userId()));
        return CHAT_MESSAGES.TICKET_ID.eq(ColumnKeys.ticketKey(ticketId))
                .and(CHAT_MESSAGES.SENDER_TYPE.eq(EnumMapping.toColumn(sender.type())))
                .and(senderId)
                .and(CHAT_MESSAGES.CLIENT_MESSAGE_ID.eq(clientMessageId.value()));
    }

    static Message toMessage(ChatMessagesRecord row) {
        SenderType senderType = EnumMapping.toDomain(row.getSenderType());
        Sender sender = new Sender(senderType, row.getSenderId() == null ? null : UserId.of(row.getSenderId()),
                DisplayName.of(row.getSenderName()));
        return new Message(
                MessageId.of(row.getId()),
                TicketId.of(row.getTicketId()),
                sender,
                MessageText.of(row.getMessage()),
                EnumMapping.toDomain(row.getMessageType()),
                row.getReadAt(),
                row.getEditedAt(),
                row.getParentMessageId() == null ? null : MessageId.of(row.getParentMessageId()),
                row.getClientMessageId() == null ? null : ClientMessageId.of(row.getClientMessageId()),
                row.getCreatedAt(),
                row.getUpdatedAt());
    }

    /** Ids come from clients too; one beyond the INT column cannot name a stored message. */
    private static boolean fitsColumn(MessageId id) {
        return id.value() <= Integer.MAX_VALUE;
    }

    private static int messageKey(MessageId id) {
        return Math.toIntExact(id.value());
    }
}
