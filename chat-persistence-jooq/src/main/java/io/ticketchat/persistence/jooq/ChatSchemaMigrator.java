package io.ticketchat.persistence.jooq;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.util.Objects;

/**
 * Creates and upgrades the chat tables in a database that may belong to a host application.
 *
 * <p>The chat migrations keep their own location and history table, so they coexist with the host's
 * own Flyway. A schema that already holds the host's tables is baselined at version 0, below every chat
 * migration, so that all of them still run. Deliberately a plain class rather than a {@code Flyway}
 * bean: a library's Flyway bean would make the host's own one back off.
 */
public final class ChatSchemaMigrator {

    public static final String CHAT_LOCATION = "classpath:db/chat/migration";
    public static final String CHAT_HISTORY_TABLE = "chat_schema_history";
    public static final String STANDALONE_LOCATION = "classpath:db/chat/standalone";
    public static final String STANDALONE_HISTORY_TABLE = "chat_standalone_schema_history";

    private final DataSource dataSource;
    private final boolean standalone;

    private ChatSchemaMigrator(DataSource dataSource, boolean standalone) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.standalone = standalone;
    }

    /** Inside a host that owns the {@code tickets} table the chat tables reference. */
    public static ChatSchemaMigrator forHost(DataSource dataSource) {
        return new ChatSchemaMigrator(dataSource, false);
    }

    /** For the standalone service: first creates minimal {@code tickets} and {@code users} tables. */
    public static ChatSchemaMigrator forStandalone(DataSource dataSource) {
        return new ChatSchemaMigrator(dataSource, true);
    }

    public void migrate() {
        if (standalone) {
            migrate(STANDALONE_LOCATION, STANDALONE_HISTORY_TABLE);
        }
        migrate(CHAT_LOCATION, CHAT_HISTORY_TABLE);
    }

    private void migrate(String location, String historyTable) {
        Flyway.configure(ChatSchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations(location)
                .table(historyTable)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
