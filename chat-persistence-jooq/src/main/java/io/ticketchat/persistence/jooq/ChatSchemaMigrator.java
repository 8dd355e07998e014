package io.ticketchat.persistence.jooq;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;

/**
 * Creates and upgrades the chat tables in a database that may belong to a host application.
 *
 * <p>The chat migrations keep their own location and history table, so they coexist with the host's
 * own Flyway. A schema that already holds the host's tables is baselined at version 0, below every chat
 * migration, so that all of them still run. Deliberately a plain class rather than a {@code Flyway}
 * bean: a library's Flyway bean would make the host's own one back off.
 *
 * <p>Before anything is created, the host's schema is inspected ({@link HostSchema}): the chat's ticket
 * and user id columns take the exact integer type of the host's {@code tickets} and {@code users} keys
 * (a foreign key needs the same type and signedness on both sides), and what the chat cannot work with
 * is refused in one line ({@link ChatSchemaException}). A chat migration that failed half way is
 * repaired when nothing can be lost, or explained.
 */
public final class ChatSchemaMigrator {

    public static final String CHAT_LOCATION = "classpath:db/chat/migration";
    public static final String CHAT_HISTORY_TABLE = "chat_schema_history";
    public static final String STANDALONE_LOCATION = "classpath:db/chat/standalone";
    public static final String STANDALONE_HISTORY_TABLE = "chat_standalone_schema_history";
    public static final String DEFAULT_TICKETS_TABLE = "tickets";
    public static final String DEFAULT_TICKET_ID_COLUMN = "id";

    private final DataSource dataSource;
    private final boolean standalone;
    private final String ticketsTable;
    private final String ticketIdColumn;

    private ChatSchemaMigrator(DataSource dataSource, boolean standalone, String ticketsTable, String ticketIdColumn) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.standalone = standalone;
        this.ticketsTable = Objects.requireNonNull(ticketsTable, "ticketsTable");
        this.ticketIdColumn = Objects.requireNonNull(ticketIdColumn, "ticketIdColumn");
    }

    /** Inside a host that owns the {@code tickets} table the chat tables reference. */
    public static ChatSchemaMigrator forHost(DataSource dataSource) {
        return forHost(dataSource, DEFAULT_TICKETS_TABLE, DEFAULT_TICKET_ID_COLUMN);
    }

    /** Inside a host whose tickets table (possibly schema-qualified) and key column have other names. */
    public static ChatSchemaMigrator forHost(DataSource dataSource, String ticketsTable, String ticketIdColumn) {
        return new ChatSchemaMigrator(dataSource, false, ticketsTable, ticketIdColumn);
    }

    /**
     * For the standalone service: first creates minimal {@code tickets} and {@code users} tables, unless
     * the database already has both (a ticketing database the service runs next to), which are then
     * used as they are and never altered.
     */
    public static ChatSchemaMigrator forStandalone(DataSource dataSource) {
        return new ChatSchemaMigrator(dataSource, true, DEFAULT_TICKETS_TABLE, DEFAULT_TICKET_ID_COLUMN);
    }

    /**
     * @throws ChatSchemaException when the host's tables cannot be referenced, or an earlier chat
     *                             migration failed in a way that cannot be repaired safely
     */
    public void migrate() {
        try (Connection connection = dataSource.getConnection()) {
            HostSchema schema = new HostSchema(connection);
            if (standalone && schema.needsStandaloneTables(STANDALONE_HISTORY_TABLE)) {
                flyway(STANDALONE_LOCATION, STANDALONE_HISTORY_TABLE, Map.of()).migrate();
            }
            Map<String, String> keys = schema.keyPlaceholders(ticketsTable, ticketIdColumn);
            Flyway chat = flyway(CHAT_LOCATION, CHAT_HISTORY_TABLE, keys);
            new ChatHistory(connection, CHAT_HISTORY_TABLE).prepare(chat);
            chat.migrate();
        } catch (SQLException e) {
            throw new ChatSchemaException("Cannot inspect the database before creating the chat tables: "
                    + firstLine(e.getMessage()) + ".", "Check the connection and that the user may read information_schema.", e);
        } catch (FlywayException e) {
            throw new ChatSchemaException("A chat migration failed: " + reason(e) + ".",
                    "Nothing else was changed; fix the cause and start again (a half-run chat migration is repaired "
                            + "at the next start when its tables are still empty).", e);
        }
    }

    private Flyway flyway(String location, String historyTable, Map<String, String> placeholders) {
        return Flyway.configure(ChatSchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations(location)
                .table(historyTable)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .placeholders(placeholders)
                .load();
    }

    /** The database's own words when there are some, rather than Flyway's report around them. */
    private static String reason(FlywayException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return firstLine(sql.getMessage());
            }
        }
        return firstLine(failure.getMessage());
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        String line = message.strip();
        int end = line.indexOf('\n');
        return (end < 0 ? line : line.substring(0, end)).strip();
    }
}
