package io.ticketchat.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A live conversation on a ticket: opened by whoever arrives first, joined by the other side, paused
 * and resumed, and finally closed. Immutable; every change returns the next state.
 *
 * @param agentId    the agent who joined, or {@code null} until one does
 * @param customerId the customer who joined, or {@code null} until one does
 * @param endedAt    when it closed, or {@code null} while open
 */
public record ChatSession(
        SessionId sessionId,
        TicketId ticketId,
        UserId agentId,
        UserId customerId,
        ChatSessionStatus status,
        Instant startedAt,
        Instant endedAt,
        Instant lastActivityAt) {

    public ChatSession {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(lastActivityAt, "lastActivityAt");
        if ((status == ChatSessionStatus.CLOSED) != (endedAt != null)) {
            throw new IllegalArgumentException("a session has an end time exactly when it is closed");
        }
    }

    public static ChatSession open(TicketId ticketId, Instant now) {
        return new ChatSession(SessionId.forTicket(ticketId, now), ticketId, null, null,
                ChatSessionStatus.ACTIVE, now, null, now);
    }

    /** Records who joined. The first agent and first customer stay the session's own. */
    public ChatSession join(ParticipantType type, UserId userId, Instant now) {
        requireOpen(ChatSessionStatus.ACTIVE);
        UserId agent = type == ParticipantType.AGENT && agentId == null ? userId : agentId;
        UserId customer = type == ParticipantType.CUSTOMER && customerId == null ? userId : customerId;
        ChatSessionStatus next = status == ChatSessionStatus.PAUSED ? ChatSessionStatus.ACTIVE : status;
        return new ChatSession(sessionId, ticketId, agent, customer, next, startedAt, null, now);
    }

    public ChatSession pause(Instant now) {
        return moveTo(ChatSessionStatus.PAUSED, now);
    }

    public ChatSession resume(Instant now) {
        return moveTo(ChatSessionStatus.ACTIVE, now);
    }

    public ChatSession close(Instant now) {
        return moveTo(ChatSessionStatus.CLOSED, now);
    }

    public ChatSession touch(Instant now) {
        requireOpen(status);
        return new ChatSession(sessionId, ticketId, agentId, customerId, status, startedAt, endedAt, now);
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    private ChatSession moveTo(ChatSessionStatus next, Instant now) {
        if (!status.canBecome(next)) {
            throw new IllegalSessionTransitionException(sessionId, status, next);
        }
        Instant ended = next == ChatSessionStatus.CLOSED ? now : null;
        return new ChatSession(sessionId, ticketId, agentId, customerId, next, startedAt, ended, now);
    }

    private void requireOpen(ChatSessionStatus target) {
        if (!isOpen()) {
            throw new IllegalSessionTransitionException(sessionId, status, target);
        }
    }
}
