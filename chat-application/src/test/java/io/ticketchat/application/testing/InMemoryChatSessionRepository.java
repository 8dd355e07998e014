package io.ticketchat.application.testing;

import io.ticketchat.application.port.out.ChatSessionRepository;
import io.ticketchat.domain.ChatSession;
import io.ticketchat.domain.SessionId;
import io.ticketchat.domain.TicketId;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

public class InMemoryChatSessionRepository implements ChatSessionRepository {

    private final Map<SessionId, ChatSession> sessions = new LinkedHashMap<>();

    @Override
    public synchronized Optional<ChatSession> findBySessionId(SessionId sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    @Override
    public synchronized Optional<ChatSession> findOpenByTicket(TicketId ticketId) {
        return sessions.values().stream().filter(s -> s.ticketId().equals(ticketId) && s.isOpen()).findFirst();
    }

    @Override
    public synchronized Optional<ChatSession> insertUnlessOpen(ChatSession candidate) {
        Optional<ChatSession> open = findOpenByTicket(candidate.ticketId());
        if (open.isPresent()) {
            return open;
        }
        if (sessions.containsKey(candidate.sessionId())) {
            throw new IllegalStateException("duplicate session id " + candidate.sessionId());
        }
        sessions.put(candidate.sessionId(), candidate);
        return Optional.empty();
    }

    @Override
    public synchronized void update(ChatSession session) {
        if (!sessions.containsKey(session.sessionId())) {
            throw new IllegalStateException("no session " + session.sessionId());
        }
        sessions.put(session.sessionId(), session);
    }
}
