package io.ticketchat.persistence.jooq;

import io.ticketchat.application.port.in.MessagePageRequest;
import io.ticketchat.application.port.out.MessageRepository;
import io.ticketchat.domain.ClientMessageId;
import io.ticketchat.domain.Message;
import io.ticketchat.domain.MessageId;
import io.ticketchat.domain.NewMessage;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.Sender;
import io.ticketchat.domain.TicketId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import static io.ticketchat.persistence.jooq.generated.tables.ChatMessages.CHAT_MESSAGES;
import static org.jooq.impl.DSL.max;

/**
 * Messages in {@code chat_messages}.
 *
 * <p>Ordering: {@link #append} first locks the ticket's row in {@code chat_ticket_heads} and holds the
 * lock until the surrounding transaction ends. Appends to one ticket therefore insert and commit one
 * after the other, and a message that commits later always has a larger id. The idempotency check runs
 * under the same lock; the unique key on {@code client_message_id} backs it up. The writes therefore need a
 * transaction around them: whether the caller opens it or the repository does is said when the repository
 * is made ({@link Transactions}), never guessed from the connection.
 */
public final class JooqMessageRepository implements MessageRepository {

    /** Who opens the transaction that {@link #append}, {@link #appendAll} and {@link #markRead} run in. */
    public enum Transactions {
        /**
         * The caller always has one open (the use cases' transactional decorator does): the writes join it,
         * which needs no savepoint and so saves two round trips per message.
         */
        CALLER,
        /** Each write opens and commits a transaction of its own. */
        OWN
    }

    private final DSLContext dsl;
    private final Transactions transactions;
    private final SendPathStatements sendPath;
    private final ReadPathStatements readPath;

    public JooqMessageRepository(DSLContext dsl, Transactions transactions) {
        this.dsl = ColumnKeys.requireSupportedDialect(dsl);
        this.transactions = transactions;
        this.sendPath = new SendPathStatements(dsl);
        this.readPath = new ReadPathStatements(dsl);
    }

    @Override
    public Appended append(NewMessage message) {
        return appendAll(List.of(message)).getFirst();
    }

    /**
     * Four statements for one message, and for n messages of t tickets 3 + n: lock and read the tickets'
     * heads, insert each message, move the heads. A retried send needs no read beforehand: the unique
     * key on {@code client_message_id} turns the insert away, and the original is read after that.
     */
    @Override
    public List<Appended> appendAll(List<NewMessage> messages) {
        return StoreFailures.translated(() -> withinTransaction(tx -> {
            SortedSet<Integer> tickets = new TreeSet<>();
            messages.forEach(message -> tickets.add(ColumnKeys.ticketKey(message.ticketId())));
            Map<Integer, Integer> newest = sendPath.lockHeads(tx, tickets);
            SortedMap<Integer, Integer> moved = new TreeMap<>();
            List<Appended> appended = new ArrayList<>(messages.size());
            for (NewMessage message : messages) {
                int ticket = ColumnKeys.ticketKey(message.ticketId());
                Appended outcome = appendUnderTicketLock(tx, message, newest.get(ticket));
                if (outcome.created()) {
                    int id = ColumnKeys.messageKey(outcome.message().id());
                    newest.put(ticket, id);
                    moved.put(ticket, id);
                }
                appended.add(outcome);
            }
            sendPath.moveHeads(tx, moved);
            return appended;
        }));
    }

    /** Runs the work in the caller's transaction or in one of its own, so that the ticket locks span the writes. */
    private <T> T withinTransaction(Function<DSLContext, T> work) {
        return transactions == Transactions.CALLER ? work.apply(dsl) : dsl.transactionResult(tx -> work.apply(tx.dsl()));
    }

    /** @param previous the ticket's newest message id, its head locked by the caller */
    private Appended appendUnderTicketLock(DSLContext tx, NewMessage message, Integer previous) {
        if (message.clientMessageId() != null && message.sender().userId() == null) {
            // The unique key cannot cover a NULL sender id, so system senders look for their original first.
            Optional<Message> original = findOriginal(tx, message);
            if (original.isPresent()) {
                return new Appended(original.get(), false, null);
            }
        }
        // Stored at the column's precision, so the message handed back equals the one read later.
        NewMessage draft = atColumnPrecision(message);
        int id;
        try {
            id = sendPath.insert(tx, draft);
        } catch (RuntimeException e) {
            if (draft.clientMessageId() == null || !StoreFailures.isDuplicateKey(e)) {
                throw e;
            }
            // The same sender already stored this clientMessageId; MySQL undid only the failed statement.
            return new Appended(findOriginal(tx, draft).orElseThrow(() -> e), false, null);
        }
        return new Appended(draft.stored(MessageId.of(id)), true, previous == null ? null : MessageId.of(previous));
    }

    private static NewMessage atColumnPrecision(NewMessage message) {
        return new NewMessage(message.ticketId(), message.sender(), message.text(), message.type(), message.parentId(),
                message.clientMessageId(), message.createdAt().truncatedTo(ChronoUnit.MILLIS));
    }

    /** A locking read: it also sees rows committed after the caller's snapshot was taken. */
    private Optional<Message> findOriginal(DSLContext tx, NewMessage message) {
        return readPath.findByClientMessageId(tx, message.ticketId(), message.sender(), message.clientMessageId(), true);
    }

    @Override
    public List<Message> page(TicketId ticketId, MessagePageRequest page) {
        if (page.afterId() != null && !ColumnKeys.fitsColumn(page.afterId())) {
            return List.of();
        }
        return StoreFailures.translated(() -> readPath.page(ticketId, page));
    }

    @Override
    public Optional<Message> findById(TicketId ticketId, MessageId messageId) {
        if (!ColumnKeys.fitsColumn(messageId)) {
            return Optional.empty();
        }
        return StoreFailures.translated(() -> readPath.findById(ticketId, messageId));
    }

    @Override
    public Optional<Message> findByClientMessageId(TicketId ticketId, Sender sender, ClientMessageId clientMessageId) {
        return StoreFailures.translated(() -> readPath.findByClientMessageId(dsl, ticketId, sender, clientMessageId, false));
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
        return StoreFailures.translated(() -> withinTransaction(tx -> {
            Condition unread = unreadFor(ticketId, reader);
            // Queued behind the ticket's other writers (appends, the other side's markRead) rather than
            // racing them for gap locks on the unread index, which deadlocked under load.
            sendPath.lockHeads(tx, new TreeSet<>(Set.of(ColumnKeys.ticketKey(ticketId))));
            Integer upTo = tx.select(max(CHAT_MESSAGES.ID)).from(CHAT_MESSAGES).where(unread).forUpdate()
                    .fetchOne(0, Integer.class);
            if (upTo == null) {
                return new ReadMark(0, null);
            }
            int marked = tx.update(CHAT_MESSAGES)
                    .set(CHAT_MESSAGES.IS_READ, true)
                    .set(CHAT_MESSAGES.READ_AT, readAt)
                    // Set here, or ON UPDATE CURRENT_TIMESTAMP would write the session time zone's wall clock.
                    .set(CHAT_MESSAGES.UPDATED_AT, readAt)
                    .where(unread, CHAT_MESSAGES.ID.le(upTo))
                    .execute();
            return new ReadMark(marked, MessageId.of(upTo));
        }));
    }

    @Override
    public long countUnread(TicketId ticketId, ParticipantType reader) {
        return StoreFailures.translated(() -> readPath.countUnread(ticketId, reader));
    }

    private static Condition unreadFor(TicketId ticketId, ParticipantType reader) {
        return ReadPathStatements.unreadFor(DSL.val(ColumnKeys.ticketKey(ticketId)), reader);
    }
}
