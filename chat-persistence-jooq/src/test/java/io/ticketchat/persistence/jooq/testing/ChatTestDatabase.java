package io.ticketchat.persistence.jooq.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ticketchat.domain.TicketId;
import io.ticketchat.persistence.jooq.ChatSchemaMigrator;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.JDBCUtils;

import javax.sql.DataSource;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * One database of its own on the {@link ChatTestServer}, with a connection pool and a jOOQ context
 * whose dialect follows the JDBC URL. Closing it drops the database.
 */
public final class ChatTestDatabase implements AutoCloseable {

    private final ChatTestServer server;
    private final String name;
    private final String url;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;

    ChatTestDatabase(ChatTestServer server, String name, String url, String user, String password) {
        this.server = server;
        this.name = name;
        this.url = url;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName(name);
        config.setMaximumPoolSize(32);
        // UTC sessions, so times the tests write with SQL of their own (CURRENT_TIMESTAMP) match the
        // adapter's; the adapter itself needs none (NonUtcSessionTest).
        config.setConnectionInitSql("SET time_zone = '+00:00'");
        this.dataSource = new HikariDataSource(config);
        this.dsl = DSL.using(dataSource, dialect());
    }

    public String databaseName() {
        return name;
    }

    public String url() {
        return url;
    }

    public SQLDialect dialect() {
        return JDBCUtils.dialect(url);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** Stores a ticket in the standalone {@code tickets} table. */
    public TicketId newTicket() {
        return newTicket("John Doe", "Technical Issue");
    }

    /** Stores a ticket with these values in the standalone {@code tickets} table. */
    public TicketId newTicket(String customerName, String issueTitle) {
        // LAST_INSERT_ID() rather than RETURNING: works whichever dialect the URL chose on either server.
        return dsl.connectionResult(connection -> {
            DSLContext single = DSL.using(connection, dialect());
            single.insertInto(table(name("tickets")), field(name("name")), field(name("issue_title")))
                    .values(customerName, issueTitle)
                    .execute();
            return TicketId.of(single.lastID().longValue());
        });
    }

    void migrateStandalone() {
        ChatSchemaMigrator.forStandalone(dataSource).migrate();
    }

    @Override
    public void close() {
        dataSource.close();
        server.dropDatabase(name);
    }
}
