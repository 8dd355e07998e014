package io.ticketchat.persistence.jooq;

import io.ticketchat.application.port.out.AbstractChatParticipantRepositoryContract;
import io.ticketchat.application.port.out.ChatParticipantRepository;
import io.ticketchat.domain.ChatSession;
import io.ticketchat.domain.SessionId;
import io.ticketchat.persistence.jooq.testing.ChatDatabaseExtension;
import io.ticketchat.persistence.jooq.testing.ChatTestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ChatDatabaseExtension.class)
class JooqChatParticipantRepositoryTest extends AbstractChatParticipantRepositoryContract {

    private final ChatTestDatabase database;
    private final JooqChatParticipantRepository repository;

    JooqChatParticipantRepositoryTest(ChatTestDatabase database) {
        this.database = database;
        this.repository = new JooqChatParticipantRepository(database.dsl());
    }

    @Override
    protected ChatParticipantRepository repository() {
        return repository;
    }

    @Override
    protected SessionId newSession() {
        ChatSession session = sessionFor(database.newTicket(), T0);
        new JooqChatSessionRepository(database.dsl()).insertUnlessOpen(session);
        return session.sessionId();
    }
}
