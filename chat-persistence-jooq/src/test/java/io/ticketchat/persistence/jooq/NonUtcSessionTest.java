package io.ticketchat.persistence.jooq;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ticketchat.domain.DisplayName;
import io.ticketchat.domain.Message;
import io.ticketchat.domain.MessageText;
import io.ticketchat.domain.MessageType;
import io.ticketchat.domain.NewMessage;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.Sender;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.UserId;
import io.ticketchat.persistence.jooq.testing.ChatDatabaseExtension;
import io.ticketchat.persistence.jooq.testing.ChatTestDatabase;
import io.ticketchat.persistence.jooq.testing.ChatTestServer;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adapter over connections whose session time zone is not UTC (a host's pool with no
 * {@code connection-init-sql}, a server in local time), on a JVM that is not in UTC either: every time it
 * writes and reads is still the same instant, and nothing the database fills in itself drifts by the zone.
 */
@ExtendWith(ChatDatabaseExtension.class)
class NonUtcSessionTest {

    private static final Sender CUSTOMER = Sender.person(ParticipantType.CUSTOMER, UserId.of(7), DisplayName.of("Carol"));

    private final ChatTestDatabase database;

    NonUtcSessionTest(ChatTestDatabase database) {
        this.database = database;
    }

    @Test
    void timesAreTheSameInstantsWhateverTheSessionAndJvmTimeZones() {
        TicketId ticket = database.newTicket();
        Instant sent = Instant.parse("2024-01-15T10:30:00.123Z");
        Instant read = Instant.parse("2024-01-15T10:31:00.456Z");
        TimeZone jvmZone = TimeZone.getDefault();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername(env(ChatTestServer.USER_VARIABLE, "root"));
        config.setPassword(env(ChatTestServer.PASSWORD_VARIABLE, ""));
        config.setConnectionInitSql("SET time_zone = '+05:30'");
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
        try (HikariDataSource localSessions = new HikariDataSource(config)) {
            DSLContext dsl = DSL.using(localSessions, database.dialect());
            assertThat(dsl.fetchSingle("SELECT @@session.time_zone").get(0, String.class)).isEqualTo("+05:30");
            JooqMessageRepository messages = new JooqMessageRepository(dsl, JooqMessageRepository.Transactions.OWN);

            Message stored = messages.append(new NewMessage(ticket, CUSTOMER, MessageText.of("hi"), MessageType.TEXT,
                    null, null, sent)).message();
            messages.markRead(ticket, ParticipantType.AGENT, read);

            Message again = messages.findById(ticket, stored.id()).orElseThrow();
            assertThat(again.createdAt()).isEqualTo(sent);
            assertThat(again.readAt()).isEqualTo(read);
            assertThat(again.updatedAt()).isEqualTo(read);
            // And as UTC text in the column, for anyone reading the table with SQL.
            assertThat(database.dsl().fetchSingle("SELECT CAST(updated_at AS CHAR) FROM chat_messages WHERE id = ?",
                    stored.id().value()).get(0, String.class)).isEqualTo("2024-01-15 10:31:00.456");
        } finally {
            TimeZone.setDefault(jvmZone);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
