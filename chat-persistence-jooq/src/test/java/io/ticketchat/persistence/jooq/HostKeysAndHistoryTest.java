package io.ticketchat.persistence.jooq;

import io.ticketchat.persistence.jooq.testing.ChatTestDatabase;
import io.ticketchat.persistence.jooq.testing.ChatTestServer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The host's keys, read before any chat DDL, and the chat's own history: every integer key type a host
 * may have works, an unusable one is refused in one line before anything exists, installs of the
 * released V1 keep migrating, and a half-run V1 never blocks a start.
 */
class HostKeysAndHistoryTest {

    @ParameterizedTest
    @ValueSource(strings = {"INT", "INT UNSIGNED", "BIGINT", "BIGINT UNSIGNED"})
    void theChatsKeyColumnsCopyTheHostsIntegerKeys(String keyType) {
        try (ChatTestDatabase host = ChatTestServer.shared().createEmptyDatabase()) {
            DSLContext dsl = host.dsl();
            dsl.execute("CREATE TABLE tickets (id " + keyType + " NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100), issue_title VARCHAR(200))");
            dsl.execute("CREATE TABLE users (id " + keyType + " NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100))");

            ChatSchemaMigrator.forHost(host.dataSource()).migrate();

            String expected = keyType.toLowerCase();
            for (String[] column : List.of(new String[]{"chat_sessions", "ticket_id"}, new String[]{"chat_messages", "ticket_id"},
                    new String[]{"chat_ticket_heads", "ticket_id"}, new String[]{"chat_messages", "sender_id"},
                    new String[]{"chat_sessions", "agent_id"}, new String[]{"chat_participants", "user_id"})) {
                assertThat(columnType(dsl, column[0], column[1]).replaceAll("\\(\\d+\\)", ""))
                        .as(column[0] + "." + column[1]).isEqualTo(expected);
            }
            dsl.execute("INSERT INTO tickets (id, name, issue_title) VALUES (2147483647, 'Carol', 'Largest ticket id')");
            dsl.execute("INSERT INTO chat_messages (ticket_id, sender_type, sender_id, sender_name, message) "
                    + "VALUES (2147483647, 'customer', 7, 'Carol', 'hello')");
            dsl.execute("DELETE FROM tickets WHERE id = 2147483647");
            assertThat(dsl.fetchCount(dsl.selectFrom("chat_messages"))).as("the foreign key cascades").isZero();
        }
    }

    @Test
    void aHostWithoutAUsersTableGetsIntUserColumns() {
        try (ChatTestDatabase host = ChatTestServer.shared().createEmptyDatabase()) {
            host.dsl().execute("CREATE TABLE tickets (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100), issue_title VARCHAR(200))");

            ChatSchemaMigrator.forHost(host.dataSource()).migrate();

            assertThat(columnType(host.dsl(), "chat_messages", "ticket_id")).startsWith("bigint");
            assertThat(columnType(host.dsl(), "chat_messages", "sender_id")).startsWith("int");
        }
    }

    @Test
    void aTicketsTableOfAnotherNameAndKeyIsReferencedWhereTheSettingsSay() {
        try (ChatTestDatabase host = ChatTestServer.shared().createEmptyDatabase()) {
            host.dsl().execute("CREATE TABLE support_cases (uuid CHAR(36) PRIMARY KEY, "
                    + "chat_key BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE, subject VARCHAR(200))");

            ChatSchemaMigrator.forHost(host.dataSource(), "support_cases", "chat_key").migrate();

            assertThat(host.dsl().fetch("SELECT referenced_table_name, referenced_column_name FROM information_schema.key_column_usage "
                    + "WHERE table_schema = DATABASE() AND table_name = 'chat_sessions' AND referenced_table_name IS NOT NULL")
                    .map(row -> row.get(0) + "." + row.get(1))).containsExactly("support_cases.chat_key");
        }
    }

    @Test
    void aUuidTicketKeyIsRefusedInOneLineBeforeAnythingIsCreated() {
        try (ChatTestDatabase host = ChatTestServer.shared().createEmptyDatabase()) {
            host.dsl().execute("CREATE TABLE tickets (id CHAR(36) PRIMARY KEY, name VARCHAR(100), issue_title VARCHAR(200))");

            assertThatThrownBy(() -> ChatSchemaMigrator.forHost(host.dataSource()).migrate())
                    .isInstanceOfSatisfying(ChatSchemaException.class, failure -> {
                        assertThat(failure.getMessage()).doesNotContain("\n")
                                .contains("tickets.id", "char(36)", "INT or BIGINT", "chat.tickets.id-column");
                        assertThat(failure.fix()).contains("docs/embedding.md");
                    });
            assertThat(tables(host.dsl())).containsExactly("tickets");
        }
    }

    @Test
    void aVarcharUserKeyIsRefusedInOneLine() {
        try (ChatTestDatabase host = ChatTestServer.shared().createEmptyDatabase()) {
            host.dsl().execute("CREATE TABLE tickets (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100), issue_title VARCHAR(200))");
            host.dsl().execute("CREATE TABLE users (id VARCHAR(64) PRIMARY KEY)");

            assertThatThrownBy(() -> ChatSchemaMigrator.forHost(host.dataSource()).migrate())
                    .isInstanceOf(ChatSchemaException.class)
                    .hasMessageContaining("users.id (varchar(64))")
                    .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain("\n"));
            assertThat(tables(host.dsl())).containsExactlyInAnyOrder("tickets", "users");
        }
    }

    @Test
    void aMissingTicketsTableOrKeyColumnIsNamed() {
        try (ChatTestDatabase host = ChatTestServer.shared().createEmptyDatabase()) {
            assertThatThrownBy(() -> ChatSchemaMigrator.forHost(host.dataSource()).migrate())
                    .isInstanceOf(ChatSchemaException.class).hasMessageContaining("has no table tickets");
            host.dsl().execute("CREATE TABLE tickets (ticket_no INT AUTO_INCREMENT PRIMARY KEY)");
            assertThatThrownBy(() -> ChatSchemaMigrator.forHost(host.dataSource()).migrate())
                    .isInstanceOf(ChatSchemaException.class).hasMessageContaining("Table tickets has no column id")
                    .hasMessageContaining("chat.tickets.id-column");
            assertThat(tables(host.dsl())).containsExactly("tickets");
        }
    }

    @Test
    void anInstallOfTheReleasedV1KeepsMigratingWithItsData() {
        try (ChatTestDatabase host = ChatTestServer.shared().createEmptyDatabase()) {
            DSLContext dsl = host.dsl();
            dsl.execute("CREATE TABLE tickets (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100), issue_title VARCHAR(200))");
            released(host).migrate();
            assertThat(dsl.fetchSingle("SELECT checksum FROM chat_schema_history WHERE version = '1'").get(0, Integer.class))
                    .isEqualTo(ChatHistory.V1_CHECKSUM_BEFORE_PLACEHOLDERS);
            dsl.execute("INSERT INTO tickets (name, issue_title) VALUES ('Carol', 'Printer')");
            dsl.execute("INSERT INTO chat_messages (ticket_id, sender_type, sender_name, message) VALUES (1, 'customer', 'Carol', 'kept')");

            ChatSchemaMigrator.forHost(host.dataSource()).migrate();
            ChatSchemaMigrator.forHost(host.dataSource()).migrate();

            assertThat(dsl.fetchSingle("SELECT message FROM chat_messages").get(0, String.class)).isEqualTo("kept");
            assertThat(dsl.fetchSingle("SELECT COUNT(*) FROM chat_schema_history WHERE success = 0").get(0, Integer.class)).isZero();
            assertThat(dsl.fetchSingle("SELECT checksum FROM chat_schema_history WHERE version = '1'").get(0, Integer.class))
                    .isNotEqualTo(ChatHistory.V1_CHECKSUM_BEFORE_PLACEHOLDERS);
        }
    }

    @Test
    void aHalfRunV1WithEmptyTablesIsRepairedAtTheNextStart() {
        try (ChatTestDatabase host = ChatTestServer.shared().createEmptyDatabase()) {
            DSLContext dsl = host.dsl();
            dsl.execute("CREATE TABLE tickets (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100), issue_title VARCHAR(200))");
            // What a release without key detection did to a BIGINT host: errno 150 and a failed history row.
            assertThatThrownBy(() -> released(host).migrate()).isInstanceOf(FlywayException.class);
            assertThat(dsl.fetchSingle("SELECT COUNT(*) FROM chat_schema_history WHERE success = 0").get(0, Integer.class)).isOne();

            ChatSchemaMigrator.forHost(host.dataSource()).migrate();

            assertThat(tables(dsl)).contains("chat_messages", "chat_sessions", "chat_participants", "chat_ticket_heads");
            assertThat(dsl.fetchSingle("SELECT COUNT(*) FROM chat_schema_history WHERE success = 0").get(0, Integer.class)).isZero();
            assertThat(columnType(dsl, "chat_sessions", "ticket_id")).startsWith("bigint");
        }
    }

    @Test
    void aHalfRunMigrationWhoseTablesHoldDataIsExplainedInOneLine() {
        try (ChatTestDatabase host = ChatTestServer.shared().createEmptyDatabase()) {
            DSLContext dsl = host.dsl();
            dsl.execute("CREATE TABLE tickets (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100), issue_title VARCHAR(200))");
            ChatSchemaMigrator.forHost(host.dataSource()).migrate();
            dsl.execute("INSERT INTO tickets (name, issue_title) VALUES ('Carol', 'Printer')");
            dsl.execute("INSERT INTO chat_messages (ticket_id, sender_type, sender_name, message) VALUES (1, 'customer', 'Carol', 'kept')");
            dsl.execute("UPDATE chat_schema_history SET success = 0 WHERE version = '1'");

            assertThatThrownBy(() -> ChatSchemaMigrator.forHost(host.dataSource()).migrate())
                    .isInstanceOfSatisfying(ChatSchemaException.class, failure -> assertThat(failure.getMessage())
                            .doesNotContain("\n").contains("V1", "DELETE FROM chat_schema_history WHERE version = '1' AND success = 0"));
            assertThat(dsl.fetchSingle("SELECT message FROM chat_messages").get(0, String.class)).isEqualTo("kept");
        }
    }

    /** The chat's V1 as it was released, before its keys took the host's types. */
    private static Flyway released(ChatTestDatabase host) {
        return Flyway.configure().dataSource(host.dataSource()).locations("classpath:db/chat/released-v1")
                .table(ChatSchemaMigrator.CHAT_HISTORY_TABLE).baselineOnMigrate(true).baselineVersion("0")
                .placeholders(Map.of()).load();
    }

    private static String columnType(DSLContext dsl, String table, String column) {
        return dsl.fetchSingle("SELECT column_type FROM information_schema.columns WHERE table_schema = DATABASE() "
                + "AND table_name = ? AND column_name = ?", table, column).get(0, String.class);
    }

    private static List<String> tables(DSLContext dsl) {
        return dsl.fetch("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()").getValues(0, String.class);
    }
}
