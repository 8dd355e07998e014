package io.ticketchat.persistence.jooq;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * What the chat needs to know of the host's tables before it creates its own, read from
 * {@code information_schema} without touching them: whether {@code tickets} and {@code users} exist,
 * and the exact integer type of their keys, which the chat's own ticket and user id columns copy.
 */
final class HostSchema {

    private static final Logger log = LoggerFactory.getLogger(HostSchema.class);

    static final String USERS_TABLE = "users";
    static final String USERS_ID_COLUMN = "id";

    private final Connection connection;
    private final String database;

    HostSchema(Connection connection) throws SQLException {
        this.connection = connection;
        this.database = connection.getCatalog();
    }

    /**
     * The standalone service creates {@code tickets} and {@code users} itself, except in a ticketing
     * database that already has both: it then uses them as they are.
     */
    boolean needsStandaloneTables(String standaloneHistory) throws SQLException {
        boolean tickets = tableExists(database, ChatSchemaMigrator.DEFAULT_TICKETS_TABLE);
        boolean users = tableExists(database, USERS_TABLE);
        if (tableExists(database, standaloneHistory) || (!tickets && !users)) {
            return true;
        }
        if (tickets && users) {
            log.info("Using the existing tickets and users tables of database {}: not created by the chat, never altered by it", database);
            return false;
        }
        String present = tickets ? ChatSchemaMigrator.DEFAULT_TICKETS_TABLE : USERS_TABLE;
        String missing = tickets ? USERS_TABLE : ChatSchemaMigrator.DEFAULT_TICKETS_TABLE;
        throw new ChatSchemaException("Database " + database + " has a " + present + " table but no " + missing
                + " table, so it is neither empty nor a ticketing database the chat can use as it is.",
                "Point SPRING_DATASOURCE_URL at an empty database (the chat creates both), or at one with both tables, "
                        + "each with an INT or BIGINT id.");
    }

    /**
     * Flyway placeholders of the chat migrations: the referenced tickets table and key, and the SQL
     * types of the chat's ticket and user id columns.
     *
     * @throws ChatSchemaException when the tickets key (or an existing users key) is not one the chat can reference
     */
    Map<String, String> keyPlaceholders(String ticketsTable, String ticketIdColumn) throws SQLException {
        int dot = ticketsTable.lastIndexOf('.');
        String ticketsSchema = dot < 0 ? database : ticketsTable.substring(0, dot);
        String ticketsName = dot < 0 ? ticketsTable : ticketsTable.substring(dot + 1);
        KeyColumn ticketKey = ticketKey(ticketsSchema, ticketsName, ticketIdColumn);
        KeyColumn userKey = userKey();
        return Map.of(
                "tickets_table", (dot < 0 ? "" : quoted(ticketsSchema) + ".") + quoted(ticketsName),
                "ticket_id_column", quoted(ticketIdColumn),
                "ticket_key", ticketKey.sqlType(),
                "user_key", userKey.sqlType());
    }

    private KeyColumn ticketKey(String schema, String table, String column) throws SQLException {
        String named = table + "." + column;
        if (!tableExists(schema, table)) {
            throw new ChatSchemaException("The chat's tables reference the host's tickets by key, but database " + schema
                    + " has no table " + table + ".",
                    "Create it first (the host's own migrations run before the chat's), set chat.tickets.table and "
                            + "chat.tickets.id-column to your tickets table and its integer key, or run the chat on a "
                            + "database of its own with chat.schema.standalone-tables=true.");
        }
        Optional<String[]> type = columnType(schema, table, column);
        if (type.isEmpty()) {
            throw new ChatSchemaException("Table " + table + " has no column " + column + " for the chat to reference.",
                    "Set chat.tickets.id-column to the integer primary key column of " + table + ".");
        }
        KeyColumn key = KeyColumn.of(type.get()[0], type.get()[1]);
        if (key == null) {
            throw new ChatSchemaException("The chat cannot reference " + named + " (" + type.get()[1] + "): chat "
                    + "conversations are keyed by a positive 32-bit integer ticket id, held in an INT or BIGINT column.",
                    "Give " + table + " an integer key the chat can use (for example chat_key BIGINT NOT NULL "
                            + "AUTO_INCREMENT UNIQUE) and set chat.tickets.id-column=chat_key; see \"Hosts whose keys "
                            + "are not integers\" in docs/embedding.md.");
        }
        if (!indexed(schema, table, column)) {
            throw new ChatSchemaException("Column " + named + " has no index, so the chat's foreign keys cannot reference it.",
                    "Make " + column + " the primary key of " + table + " or give it a UNIQUE index.");
        }
        if (!"InnoDB".equalsIgnoreCase(engine(schema, table))) {
            throw new ChatSchemaException("Table " + table + " uses the " + engine(schema, table) + " engine, which "
                    + "has no foreign keys for the chat's tables to reference.",
                    "Convert it with ALTER TABLE " + table + " ENGINE = InnoDB.");
        }
        return key;
    }

    /** The chat stores user ids without a foreign key (customers may have no account); it copies the type when there is a users table. */
    private KeyColumn userKey() throws SQLException {
        if (!tableExists(database, USERS_TABLE)) {
            return KeyColumn.INT;
        }
        Optional<String[]> type = columnType(database, USERS_TABLE, USERS_ID_COLUMN);
        if (type.isEmpty()) {
            return KeyColumn.INT;
        }
        KeyColumn key = KeyColumn.of(type.get()[0], type.get()[1]);
        if (key == null) {
            throw new ChatSchemaException("The chat cannot store the host's user ids of users.id (" + type.get()[1]
                    + "): chat participants are identified by a positive 32-bit integer user id.",
                    "Give users an integer key (for example chat_key BIGINT NOT NULL AUTO_INCREMENT UNIQUE) and let "
                            + "your CallerResolver answer with it; see \"Hosts whose keys are not integers\" in docs/embedding.md.");
        }
        return key;
    }

    private boolean tableExists(String schema, String table) throws SQLException {
        return exists("SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?", schema, table);
    }

    private Optional<String[]> columnType(String schema, String table, String column) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT data_type, column_type FROM information_schema.columns WHERE table_schema = ? AND table_name = ? AND column_name = ?")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            statement.setString(3, column);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new String[]{row.getString(1), row.getString(2)}) : Optional.empty();
            }
        }
    }

    private boolean indexed(String schema, String table, String column) throws SQLException {
        return exists("SELECT 1 FROM information_schema.statistics WHERE table_schema = ? AND table_name = ? "
                + "AND column_name = ? AND seq_in_index = 1", schema, table, column);
    }

    private String engine(String schema, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT engine FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private boolean exists(String sql, String... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    private static String quoted(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
