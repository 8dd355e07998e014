package io.ticketchat.application.testing;

import io.ticketchat.application.port.in.MessagePageRequest;
import io.ticketchat.application.port.out.MessageRepository;
import io.ticketchat.domain.ClientMessageId;
import io.ticketchat.domain.Message;
import io.ticketchat.domain.MessageId;
import io.ticketchat.domain.NewMessage;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.Sender;
import io.ticketchat.domain.TicketId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A message store in memory. One lock stands in for the per-ticket serialisation a database gives. */
public class InMemoryMessageRepository implements MessageRepository {

    private final TreeMap<Long, Message> byId = new TreeMap<>();
    private final List<PageRead> pagesRead = new CopyOnWriteArrayList<>();
    private long nextId = 1;

    /** One call of {@link #page}: what was asked and how many rows came back. */
    public record PageRead(TicketId ticketId, MessagePageRequest request, int rows) {
    }

    /** Every page read of the ticket so far, in order: lets a test check that reads stay bounded. */
    public List<PageRead> pagesRead(TicketId ticketId) {
        return pagesRead.stream().filter(read -> read.ticketId().equals(ticketId)).toList();
    }

    @Override
    public synchronized Appended append(NewMessage draft) {
        if (draft.clientMessageId() != null) {
            Optional<Message> original = findByClientMessageId(draft.ticketId(), draft.sender(), draft.clientMessageId());
            if (original.isPresent()) {
                return new Appended(original.get(), false, null);
            }
        }
        MessageId previous = latestId(draft.ticketId()).orElse(null);
        Message stored = draft.stored(MessageId.of(nextId++));
        byId.put(stored.id().value(), stored);
        return new Appended(stored, true, previous);
    }

    @Override
    public synchronized List<Message> page(TicketId ticketId, MessagePageRequest page) {
        List<Message> inRange = byId.values().stream()
                .filter(m -> m.ticketId().equals(ticketId))
                .filter(m -> page.afterId() == null || m.id().isAfter(page.afterId()))
                .filter(m -> page.beforeId() == null || page.beforeId().isAfter(m.id()))
                .toList();
        int wanted = page.limit() + 1;
        List<Message> found = page.readsForward()
                ? inRange.subList(0, Math.min(wanted, inRange.size()))
                : inRange.subList(Math.max(0, inRange.size() - wanted), inRange.size());
        pagesRead.add(new PageRead(ticketId, page, found.size()));
        return found;
    }

    @Override
    public synchronized Optional<Message> findById(TicketId ticketId, MessageId messageId) {
        return Optional.ofNullable(byId.get(messageId.value())).filter(m -> m.ticketId().equals(ticketId));
    }

    @Override
    public synchronized Optional<Message> findByClientMessageId(TicketId ticketId, Sender sender, ClientMessageId clientMessageId) {
        return byId.values().stream()
                .filter(m -> m.ticketId().equals(ticketId))
                .filter(m -> m.sender().type() == sender.type() && Objects.equals(m.sender().userId(), sender.userId()))
                .filter(m -> clientMessageId.equals(m.clientMessageId()))
                .findFirst();
    }

    @Override
    public synchronized Optional<MessageId> latestId(TicketId ticketId) {
        return byId.values().stream().filter(m -> m.ticketId().equals(ticketId)).map(Message::id).max(Comparator.naturalOrder());
    }

    @Override
    public synchronized ReadMark markRead(TicketId ticketId, ParticipantType reader, Instant readAt) {
        List<Message> unread = new ArrayList<>();
        for (Message m : byId.values()) {
            if (m.ticketId().equals(ticketId) && m.isUnreadFor(reader)) {
                unread.add(m);
            }
        }
        for (Message m : unread) {
            byId.put(m.id().value(), new Message(m.id(), m.ticketId(), m.sender(), m.text(), m.type(), readAt,
                    m.editedAt(), m.parentId(), m.clientMessageId(), m.createdAt(), readAt));
        }
        MessageId upTo = unread.isEmpty() ? null : unread.getLast().id();
        return new ReadMark(unread.size(), upTo);
    }

    @Override
    public synchronized long countUnread(TicketId ticketId, ParticipantType reader) {
        return byId.values().stream().filter(m -> m.ticketId().equals(ticketId) && m.isUnreadFor(reader)).count();
    }
}
