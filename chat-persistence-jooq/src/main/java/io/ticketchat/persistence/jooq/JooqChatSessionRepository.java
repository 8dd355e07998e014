package io.ticketchat.persistence.jooq;

import io.ticketchat.application.port.out.ChatSessionRepository;
import io.ticketchat.domain.ChatSession;
import io.ticketchat.domain.SessionId;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.UserId;
import io.ticketchat.persistence.jooq.generated.tables.records.ChatSessionsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;

import java.util.Optional;

import static io.ticketchat.persistence.jooq.generated.tables.ChatSessions.CHAT_SESSIONS;

/**
 * Sessions in {@code chat_sessions}. The unique key on (ticket_id, open_marker), where open_marker is
 * 1 exactly while a session is active or paused, is what keeps a ticket to one open session, also
 * when two callers open one at the same moment.
 */
public final class JooqChatSessionRepository implements ChatSessionRepository {

    private static final byte OPEN = 1;

    private final DSLContext dsl;

    public JooqChatSessionRepository(DSLContext dsl) {
        this.dsl = ColumnKeys.requireSupportedDialect(dsl);
    }

    @Override
    public Optional<ChatSession> findBySessionId(SessionId sessionId) {
        return StoreFailures.translated(() -> dsl.selectFrom(CHAT_SESSIONS)
                .where(CHAT_SESSIONS.SESSION_ID.eq(sessionId.value()))
                .fetchOptional()
                .map(JooqChatSessionRepository::toSession));
    }

    @Override
    public Optional<ChatSession> findOpenByTicket(TicketId ticketId) {
        return StoreFailures.translated(() -> dsl.selectFrom(CHAT_SESSIONS)
                .where(openOn(ticketId))
                .fetchOptional()
                .map(JooqChatSessionRepository::toSession));
    }

    @Override
    public Optional<ChatSession> insertUnlessOpen(ChatSession candidate) {
        return StoreFailures.translated(() -> dsl.transactionResult(tx -> {
            // Most calls join the open session; finding it first spares them a duplicate-key error.
            Optional<ChatSession> open = tx.dsl().selectFrom(CHAT_SESSIONS).where(openOn(candidate.ticketId()))
                    .fetchOptional().map(JooqChatSessionRepository::toSession);
            if (open.isPresent()) {
                return open;
            }
            try {
                tx.dsl().insertInto(CHAT_SESSIONS)
                        .set(CHAT_SESSIONS.TICKET_ID, ColumnKeys.ticketKey(candidate.ticketId()))
                        .set(CHAT_SESSIONS.SESSION_ID, candidate.sessionId().value())
                        .set(CHAT_SESSIONS.AGENT_ID, ColumnKeys.userKeyOrNull(candidate.agentId()))
                        .set(CHAT_SESSIONS.CUSTOMER_ID, ColumnKeys.userKeyOrNull(candidate.customerId()))
                        .set(CHAT_SESSIONS.STATUS, EnumMapping.toColumn(candidate.status()))
                        .set(CHAT_SESSIONS.STARTED_AT, candidate.startedAt())
                        .set(CHAT_SESSIONS.ENDED_AT, candidate.endedAt())
                        .set(CHAT_SESSIONS.LAST_ACTIVITY_AT, candidate.lastActivityAt())
                        .execute();
                return Optional.<ChatSession>empty();
            } catch (RuntimeException e) {
                if (!StoreFailures.isDuplicateKey(e)) {
                    throw e;
                }
                // The snapshot missed a session a concurrent caller committed. A shared lock, not FOR
                // UPDATE: every loser of the race holds one on the winner's row already, and upgrading
                // them all to exclusive would deadlock the losers.
                ChatSession winner = SharedLock.fetchLocked(tx.dsl(), tx.dsl().selectFrom(CHAT_SESSIONS).where(openOn(candidate.ticketId())), CHAT_SESSIONS)
                        .map(JooqChatSessionRepository::toSession)
                        .orElseThrow(() -> e);
                return Optional.of(winner);
            }
        }));
    }

    @Override
    public void update(ChatSession session) {
        StoreFailures.translated(() -> dsl.update(CHAT_SESSIONS)
                .set(CHAT_SESSIONS.AGENT_ID, ColumnKeys.userKeyOrNull(session.agentId()))
                .set(CHAT_SESSIONS.CUSTOMER_ID, ColumnKeys.userKeyOrNull(session.customerId()))
                .set(CHAT_SESSIONS.STATUS, EnumMapping.toColumn(session.status()))
                .set(CHAT_SESSIONS.ENDED_AT, session.endedAt())
                .set(CHAT_SESSIONS.LAST_ACTIVITY_AT, session.lastActivityAt())
                .where(CHAT_SESSIONS.SESSION_ID.eq(session.sessionId().value()))
                .execute());
    }

    private static Condition openOn(TicketId ticketId) {
        return CHAT_SESSIONS.TICKET_ID.eq(ColumnKeys.ticketKey(ticketId)).and(CHAT_SESSIONS.OPEN_MARKER.eq(OPEN));
    }

    private static ChatSession toSession(ChatSessionsRecord row) {
        return new ChatSession(
                SessionId.of(row.getSessionId()),
                TicketId.of(row.getTicketId()),
                row.getAgentId() == null ? null : UserId.of(row.getAgentId()),
                row.getCustomerId() == null ? null : UserId.of(row.getCustomerId()),
                EnumMapping.toDomain(row.getStatus()),
                row.getStartedAt(),
                row.getEndedAt(),
                row.getLastActivityAt());
    }
}
