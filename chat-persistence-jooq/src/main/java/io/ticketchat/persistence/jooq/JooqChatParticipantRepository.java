package io.ticketchat.persistence.jooq;

import io.ticketchat.application.port.out.ChatParticipantRepository;
import io.ticketchat.domain.DisplayName;
import io.ticketchat.domain.Participant;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.SessionId;
import io.ticketchat.domain.UserId;
import io.ticketchat.persistence.jooq.generated.tables.records.ChatParticipantsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.ticketchat.persistence.jooq.generated.tables.ChatParticipants.CHAT_PARTICIPANTS;

/** Participants in {@code chat_participants}; present means {@code left_at IS NULL}. */
public final class JooqChatParticipantRepository implements ChatParticipantRepository {

    private final DSLContext dsl;

    public JooqChatParticipantRepository(DSLContext dsl) {
        this.dsl = ColumnKeys.requireSupportedDialect(dsl);
    }

    @Override
    public Optional<Participant> findPresent(SessionId sessionId, ParticipantType type, UserId userId) {
        return StoreFailures.translated(() -> dsl.selectFrom(CHAT_PARTICIPANTS)
                .where(present(sessionId, type, userId))
                .orderBy(CHAT_PARTICIPANTS.ID)
                .limit(1)
                .fetchOptional()
                .map(JooqChatParticipantRepository::toParticipant));
    }

    @Override
    public List<Participant> findPresent(SessionId sessionId) {
        return StoreFailures.translated(() -> dsl.selectFrom(CHAT_PARTICIPANTS)
                .where(CHAT_PARTICIPANTS.SESSION_ID.eq(sessionId.value()), CHAT_PARTICIPANTS.LEFT_AT.isNull())
                .orderBy(CHAT_PARTICIPANTS.JOINED_AT, CHAT_PARTICIPANTS.ID)
                .fetch(JooqChatParticipantRepository::toParticipant));
    }

    @Override
    public void insert(Participant participant) {
        StoreFailures.translated(() -> dsl.insertInto(CHAT_PARTICIPANTS)
                .set(CHAT_PARTICIPANTS.SESSION_ID, participant.sessionId().value())
                .set(CHAT_PARTICIPANTS.USER_ID, ColumnKeys.userKey(participant.userId()))
                .set(CHAT_PARTICIPANTS.USER_TYPE, EnumMapping.toColumn(participant.type()))
                .set(CHAT_PARTICIPANTS.USER_NAME, participant.name().value())
                .set(CHAT_PARTICIPANTS.JOINED_AT, participant.joinedAt())
                .set(CHAT_PARTICIPANTS.LEFT_AT, participant.leftAt())
                .execute());
    }

    @Override
    public void markLeft(SessionId sessionId, ParticipantType type, UserId userId, Instant leftAt) {
        StoreFailures.translated(() -> dsl.update(CHAT_PARTICIPANTS)
                .set(CHAT_PARTICIPANTS.LEFT_AT, leftAt)
                .where(present(sessionId, type, userId))
                .execute());
    }

    private static Condition present(SessionId sessionId, ParticipantType type, UserId userId) {
        return CHAT_PARTICIPANTS.SESSION_ID.eq(sessionId.value())
                .and(CHAT_PARTICIPANTS.USER_TYPE.eq(EnumMapping.toColumn(type)))
                .and(CHAT_PARTICIPANTS.USER_ID.eq(ColumnKeys.userKey(userId)))
                .and(CHAT_PARTICIPANTS.LEFT_AT.isNull());
    }

    private static Participant toParticipant(ChatParticipantsRecord row) {
        return new Participant(
                SessionId.of(row.getSessionId()),
                UserId.of(row.getUserId()),
                EnumMapping.toDomain(row.getUserType()),
                DisplayName.stored(row.getUserName()),
                row.getJoinedAt(),
                row.getLeftAt());
    }
}
