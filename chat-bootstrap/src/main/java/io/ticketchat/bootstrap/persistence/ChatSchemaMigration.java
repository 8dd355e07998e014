package io.ticketchat.bootstrap.persistence;

import io.ticketchat.application.port.out.TicketDirectory;
import io.ticketchat.persistence.jooq.ChatSchemaMigrator;
import io.ticketchat.persistence.jooq.JooqTicketDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

import javax.sql.DataSource;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the chat's migrations (after checking the host's keys, see {@link ChatSchemaMigrator}) once every singleton exists, which is after the host's own Flyway or
 * Liquibase has created the host tables the chat refers to, and before the web server takes its
 * first request.
 */
public class ChatSchemaMigration implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ChatSchemaMigration.class);

    private final DataSource dataSource;
    private final boolean standaloneTables;
    private final String ticketsTable;
    private final String ticketIdColumn;
    private final ObjectProvider<TicketDirectory> directory;
    private final AtomicBoolean done = new AtomicBoolean();

    public ChatSchemaMigration(DataSource dataSource, boolean standaloneTables, String ticketsTable, String ticketIdColumn,
                               ObjectProvider<TicketDirectory> directory) {
        this.dataSource = dataSource;
        this.directory = directory;
        this.standaloneTables = standaloneTables;
        this.ticketsTable = ticketsTable;
        this.ticketIdColumn = ticketIdColumn;
    }

    @Override
    public void afterSingletonsInstantiated() {
        migrate();
    }

    /** Brings the schema up to date once; later calls return at once. For start-up work that needs the tables. */
    public void migrate() {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        // The default directory's columns first: like a key, a missing one is said before anything is created.
        if (directory.getIfUnique() instanceof JooqTicketDirectory tickets) {
            tickets.requireColumns();
        }
        ChatSchemaMigrator migrator = standaloneTables
                ? ChatSchemaMigrator.forStandalone(dataSource)
                : ChatSchemaMigrator.forHost(dataSource, ticketsTable, ticketIdColumn);
        migrator.migrate();
        log.info("Chat schema is up to date (history table {}{})", ChatSchemaMigrator.CHAT_HISTORY_TABLE,
                standaloneTables ? ", beside the tickets and users tables" : "");
    }
}
