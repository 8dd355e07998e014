package io.ticketchat.application.port.out;

import io.ticketchat.domain.ChatSession;
import io.ticketchat.domain.SessionId;
import io.ticketchat.domain.TicketId;

import java.util.Optional;

/** Chat sessions. A ticket has at most one open (active or paused) session at a time. */
public interface ChatSessionRepository {

    Optional<ChatSession> findBySessionId(SessionId sessionId);

    Optional<ChatSession> findOpenByTicket(TicketId ticketId);

    /**
     * Stores a freshly opened session, unless the ticket already has an open one (also one stored
     * by a concurrent caller).
     *
     * @return empty when the candidate was stored; otherwise the ticket's open session, and the
     *         candidate is dropped
     */
    Optional<ChatSession> insertUnlessOpen(ChatSession candidate);

    /** Saves the new state of a stored session. */
    void update(ChatSession session);
}
