package io.ticketchat.persistence.jooq;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The chat's own migration history, made fit to migrate before Flyway looks at it. Only the chat's
 * history table and the chat's tables are ever touched here.
 *
 * <ul>
 *   <li>MySQL and MariaDB cannot roll DDL back, so a chat migration that failed half way leaves a failed
 *       row that blocks every later start. When that migration created the chat's tables and they are
 *       all still empty (no start ever got past it), the half-made tables are dropped and the row
 *       removed, and it runs again. Otherwise the failure is explained in one line with the fix.</li>
 *   <li>V1 took key-type placeholders after it had been installed: an install whose history holds V1's
 *       earlier checksum has exactly the tables it would create with INT keys, so the checksum is
 *       realigned instead of failing validation.</li>
 * </ul>
 */
final class ChatHistory {

    /** V1 as released before it took placeholders (Flyway's CRC32 of the script). */
    static final int V1_CHECKSUM_BEFORE_PLACEHOLDERS = -395491313;
    /** V1's tables, in an order that drops each after the ones that reference it. */
    static final List<String> V1_TABLES = List.of("chat_participants", "chat_ticket_heads", "chat_messages", "chat_sessions");

    private static final Logger log = LoggerFactory.getLogger(ChatHistory.class);

    private final Connection connection;
    private final String table;

    ChatHistory(Connection connection, String table) {
        this.connection = connection;
        this.table = table;
    }

    void prepare(Flyway flyway) throws SQLException {
        if (!exists(table)) {
            return;
        }
        try (Statement statement = connection.createStatement();
             ResultSet failed = statement.executeQuery("SELECT version, description, script FROM " + table
                     + " WHERE success = 0 ORDER BY installed_rank")) {
            if (failed.next()) {
                repairOrExplain(flyway, failed.getString(1), failed.getString(2), failed.getString(3));
                return;
            }
        }
        if (v1Checksum() == V1_CHECKSUM_BEFORE_PLACEHOLDERS) {
            flyway.repair();
            log.info("Chat schema history: V1's checksum realigned with the current script (same tables, keys now typed like the host's)");
        }
    }

    private void repairOrExplain(Flyway flyway, String version, String description, String script) throws SQLException {
        if ("1".equals(version)) {
            List<String> present = new ArrayList<>();
            boolean holdsRows = false;
            for (String chatTable : V1_TABLES) {
                if (exists(chatTable)) {
                    present.add(chatTable);
                    holdsRows |= hasRows(chatTable);
                }
            }
            if (!holdsRows) {
                try (Statement statement = connection.createStatement()) {
                    for (String half : present) {
                        statement.execute("DROP TABLE " + half);
                    }
                }
                flyway.repair();
                log.warn("Repaired the chat's migration V1 ({}) that failed at an earlier start: dropped its half-created, "
                        + "empty tables {} and its failed history row; running it again", description, present);
                return;
            }
        }
        throw new ChatSchemaException("The chat's migration V" + version + " (" + description + ") failed at an earlier "
                + "start and left the chat's tables half changed, some of them holding data.",
                "Finish it by hand with db/chat/migration/" + script + " from the chat-persistence-jooq jar (or restore "
                        + "the chat tables from a backup), then remove the failed row: DELETE FROM " + table
                        + " WHERE version = '" + version + "' AND success = 0.");
    }

    private Integer v1Checksum() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT checksum FROM " + table + " WHERE version = '1' AND success = 1")) {
            return row.next() ? (Integer) row.getObject(1, Integer.class) : null;
        }
    }

    private boolean exists(String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?")) {
            statement.setString(1, name);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    private boolean hasRows(String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT 1 FROM " + name + " LIMIT 1")) {
            return row.next();
        }
    }
}
