package io.ticketchat.persistence.jooq;

import io.ticketchat.persistence.jooq.testing.ChatTestDatabase;
import io.ticketchat.persistence.jooq.testing.ChatTestServer;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chat migrations inside a host's existing schema, and what the schema promises. */
class ChatSchemaMigratorTest {

    @Test
    void migratesIntoANonEmptyHostSchemaBesideTheHostsOwnFlywayHistory() {
        try (ChatTestDatabase host = ChatTestServer.shared().createEmptyDatabase()) {
            DSLContext dsl = host.dsl();
            dsl.execute("CREATE TABLE tickets (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(255), issue_title VARCHAR(255))");
            dsl.execute("CREATE TABLE flyway_schema_history (installed_rank INT PRIMARY KEY, version VARCHAR(50))");
            dsl.execute("INSERT INTO flyway_schema_history VALUES (1, '1')");

            ChatSchemaMigrator.forHost(host.dataSource()).migrate();
            ChatSchemaMigrator.forHost(host.dataSource()).migrate();

            assertThat(tables(dsl)).contains("chat_messages", "chat_sessions", "chat_participants", "chat_ticket_heads",
                    "chat_schema_history", "tickets", "flyway_schema_history").doesNotContain("users");
            assertThat(dsl.fetchSingle("SELECT COUNT(*) FROM chat_schema_history WHERE version = '1' AND success = 1").get(0, Integer.class)).isEqualTo(1);
            assertThat(dsl.fetchSingle("SELECT COUNT(*) FROM flyway_schema_history").get(0, Integer.class)).isEqualTo(1);
        }
    }

    @Test
    void theStandaloneTablesRefuseToRunWhereTheDatabaseHasTicketsButNoUsers() {
        try (ChatTestDatabase host = ChatTestServer.shared().createEmptyDatabase()) {
            host.dsl().execute("CREATE TABLE tickets (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(255), issue_title VARCHAR(255))");

            assertThatThrownBy(() -> ChatSchemaMigrator.forStandalone(host.dataSource()).migrate())
                    .isInstanceOf(ChatSchemaException.class)
                    .hasMessageContaining("has a tickets table but no users table")
                    .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain("\n"));
            assertThat(tables(host.dsl())).containsExactly("tickets");
        }
    }

    @Test
    void theStandaloneServiceUsesAnExistingTicketingDatabaseAsItIs() {
        try (ChatTestDatabase host = ChatTestServer.shared().createEmptyDatabase()) {
            DSLContext dsl = host.dsl();
            dsl.execute("CREATE TABLE tickets (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(255), issue_title VARCHAR(255), "
                    + "opened_by VARCHAR(50))");
            dsl.execute("CREATE TABLE users (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100), email VARCHAR(200))");
            String ticketsBefore = dsl.fetchSingle("SHOW CREATE TABLE tickets").get(1, String.class);

            ChatSchemaMigrator.forStandalone(host.dataSource()).migrate();

            assertThat(tables(dsl)).contains("chat_messages", "chat_schema_history").doesNotContain("chat_standalone_schema_history");
            assertThat(dsl.fetchSingle("SHOW CREATE TABLE tickets").get(1, String.class)).isEqualTo(ticketsBefore);
            assertThat(columnType(dsl, "chat_messages", "ticket_id")).startsWith("bigint");
        }
    }

    @Test
    void anExistingTicketingDatabaseWithUnusableKeysIsRefusedInOneLine() {
        try (ChatTestDatabase host = ChatTestServer.shared().createEmptyDatabase()) {
            DSLContext dsl = host.dsl();
            dsl.execute("CREATE TABLE tickets (id VARCHAR(40) PRIMARY KEY, name VARCHAR(255), issue_title VARCHAR(255))");
            dsl.execute("CREATE TABLE users (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100))");

            assertThatThrownBy(() -> ChatSchemaMigrator.forStandalone(host.dataSource()).migrate())
                    .isInstanceOf(ChatSchemaException.class)
                    .hasMessageContaining("tickets.id (varchar(40))")
                    .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain("\n"));
            assertThat(tables(dsl)).containsExactlyInAnyOrder("tickets", "users");
        }
    }

    @Test
    void everyChatTableIsUtf8mb4WithMillisecondTimesAndNoForeignKeyToUsers() {
        try (ChatTestDatabase database = ChatTestServer.shared().createDatabase()) {
            DSLContext dsl = database.dsl();
            Result<Record> textColumns = dsl.fetch("""
                    SELECT table_name, column_name, character_set_name FROM information_schema.columns
                    WHERE table_schema = DATABASE() AND table_name LIKE 'chat\\_%' AND character_set_name IS NOT NULL
                      AND table_name NOT LIKE '%schema_history'""");
            assertThat(textColumns).isNotEmpty()
                    .allSatisfy(column -> assertThat(column.get("character_set_name", String.class)).as(column.toString()).isEqualTo("utf8mb4"));

            List<String> times = dsl.fetch("""
                    SELECT column_type FROM information_schema.columns
                    WHERE table_schema = DATABASE() AND table_name LIKE 'chat\\_%' AND data_type = 'datetime'
                      AND table_name NOT LIKE '%schema_history'""").getValues(0, String.class);
            assertThat(times).isNotEmpty().containsOnly("datetime(3)");

            List<String> referenced = dsl.fetch("""
                    SELECT DISTINCT referenced_table_name FROM information_schema.referential_constraints
                    WHERE constraint_schema = DATABASE() AND table_name LIKE 'chat\\_%'""").getValues(0, String.class);
            assertThat(referenced).containsExactlyInAnyOrder("tickets", "chat_messages", "chat_sessions");
        }
    }

    private static String columnType(DSLContext dsl, String table, String column) {
        return dsl.fetchSingle("SELECT column_type FROM information_schema.columns WHERE table_schema = DATABASE() "
                + "AND table_name = ? AND column_name = ?", table, column).get(0, String.class);
    }

    private static List<String> tables(DSLContext dsl) {
        return dsl.fetch("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()").getValues(0, String.class);
    }
}
