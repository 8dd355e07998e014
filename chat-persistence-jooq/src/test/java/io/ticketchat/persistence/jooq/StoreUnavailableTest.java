package io.ticketchat.persistence.jooq;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ticketchat.application.port.out.ChatStoreUnavailableException;
import io.ticketchat.domain.DisplayName;
import io.ticketchat.domain.Participant;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.SessionId;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.UserId;
import io.ticketchat.persistence.jooq.testing.ChatDatabaseExtension;
import io.ticketchat.persistence.jooq.testing.ChatTestDatabase;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Connection failures become the port's ChatStoreUnavailableException; other failures stay what they are. */
@ExtendWith(ChatDatabaseExtension.class)
class StoreUnavailableTest {

    @Test
    void aServerThatRefusesConnectionsMakesTheStoreUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:mariadb://127.0.0.1:" + closedPort + "/chat?connectTimeout=500");
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(1_000);
        try (HikariDataSource unreachable = new HikariDataSource(config)) {
            JooqMessageRepository messages = new JooqMessageRepository(DSL.using(unreachable, SQLDialect.MARIADB), JooqMessageRepository.Transactions.OWN);

            assertThatThrownBy(() -> messages.latestId(TicketId.of(1)))
                    .isInstanceOf(ChatStoreUnavailableException.class)
                    .hasCauseInstanceOf(DataAccessException.class);
        }
    }

    @Test
    void anExhaustedPoolMakesTheStoreUnavailable(ChatTestDatabase database) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername(((HikariDataSource) database.dataSource()).getUsername());
        config.setPassword(((HikariDataSource) database.dataSource()).getPassword());
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(250);
        try (HikariDataSource pool = new HikariDataSource(config);
             Connection held = pool.getConnection()) {
            assertThat(held.isValid(1)).isTrue();
            JooqChatSessionRepository sessions = new JooqChatSessionRepository(DSL.using(pool, database.dialect()));

            assertThatThrownBy(() -> sessions.findOpenByTicket(TicketId.of(1)))
                    .isInstanceOf(ChatStoreUnavailableException.class);
        }
    }

    @Test
    void otherDatabaseErrorsAreNotMistakenForAnOutage(ChatTestDatabase database) {
        JooqChatParticipantRepository participants = new JooqChatParticipantRepository(database.dsl());

        // A participant of a session that does not exist breaks the foreign key: a bug, not an outage.
        Participant orphan = Participant.joining(SessionId.of("session_missing"), UserId.of(1), ParticipantType.AGENT,
                DisplayName.of("Agent"), Instant.EPOCH);

        assertThatThrownBy(() -> participants.insert(orphan))
                .isInstanceOf(DataAccessException.class)
                .isNotInstanceOf(ChatStoreUnavailableException.class);
    }
}
