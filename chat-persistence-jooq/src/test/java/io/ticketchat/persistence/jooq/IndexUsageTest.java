package io.ticketchat.persistence.jooq;

import io.ticketchat.application.port.in.MessagePageRequest;
import io.ticketchat.domain.MessageId;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.TicketId;
import io.ticketchat.persistence.jooq.testing.ChatTestDatabase;
import io.ticketchat.persistence.jooq.testing.ChatTestServer;
import org.jooq.DSLContext;
import org.jooq.ConnectionProvider;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.tools.jdbc.DefaultConnection;
import org.jooq.tools.jdbc.DefaultPreparedStatement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static io.ticketchat.persistence.jooq.generated.tables.ChatMessages.CHAT_MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * The two hot queries keep using their indexes on a table of over a million messages: the EXPLAIN of
 * the very SQL the repository sends, with the values it binds (captured on the JDBC connection, below
 * jOOQ, since the hot reads run as prepared JDBC statements), must name the intended index and need no
 * filesort. Runs in a database of its own so the bulk rows stay out of the other tests' way.
 */
@Tag("large-data")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexUsageTest {

    private static final Logger log = LoggerFactory.getLogger(IndexUsageTest.class);
    private static final int TICKETS = 1_000;
    private static final int DOUBLINGS = 10;

    private ChatTestDatabase database;
    private final List<Statement> captured = new ArrayList<>();
    private JooqMessageRepository repository;
    private TicketId seededTicket;

    @BeforeAll
    void seedOverAMillionMessages() {
        database = ChatTestServer.shared().createDatabase();
        DSLContext dsl = database.dsl();
        dsl.execute("INSERT INTO tickets (name, issue_title) VALUES ('seed', 'seed')");
        while (dsl.fetchCount(table(name("tickets"))) < TICKETS) {
            dsl.execute("INSERT INTO tickets (name, issue_title) SELECT name, issue_title FROM tickets LIMIT " + TICKETS);
        }
        // One message per ticket, then doubled: 1,024 messages per ticket, mixed senders and read states.
        dsl.execute("""
                INSERT INTO chat_messages (ticket_id, sender_type, sender_id, sender_name, message, created_at)
                SELECT id, 'customer', 2, 'John Doe', 'seed', '2024-01-15 10:30:00.000' FROM tickets""");
        for (int i = 0; i < DOUBLINGS; i++) {
            dsl.execute("""
                    INSERT INTO chat_messages (ticket_id, sender_type, sender_id, sender_name, message, is_read, created_at)
                    SELECT ticket_id, ELT(1 + (id % 3), 'agent', 'customer', 'system'), sender_id, sender_name, message,
                           id % 7 <> 0, created_at
                    FROM chat_messages""");
        }
        dsl.execute("ANALYZE TABLE chat_messages");
        // Bulk inserts may leave gaps in auto-increment ids, so pick a ticket that really exists.
        seededTicket = TicketId.of(dsl.fetchSingle("SELECT id FROM tickets ORDER BY id LIMIT 1 OFFSET " + TICKETS / 2).get(0, Long.class));
        long rows = dsl.fetchCount(CHAT_MESSAGES);
        log.info("Seeded {} messages for the index checks", rows);
        assertThat(rows).isGreaterThanOrEqualTo(1_000_000);

        ConnectionProvider pool = dsl.configuration().connectionProvider();
        DSLContext capturing = dsl.configuration().derive(new ConnectionProvider() {
            @Override
            public Connection acquire() {
                return new CapturingConnection(pool.acquire());
            }

            @Override
            public void release(Connection connection) {
                pool.release(((CapturingConnection) connection).getDelegate());
            }
        }).dsl();
        repository = new JooqMessageRepository(capturing, JooqMessageRepository.Transactions.OWN);
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @Test
    void theLatestPageReadsTheTicketIndexBackwardsWithoutSorting() {
        TicketId ticket = aSeededTicket();

        assertThat(repository.page(ticket, MessagePageRequest.latest(MessagePageRequest.DEFAULT_LIMIT))).hasSize(101);

        Record plan = onlyPlanRow(explainLastQuery());
        assertThat(plan.get("key", String.class)).isEqualTo("idx_chat_messages_ticket");
        assertThat(String.valueOf(plan.get("Extra"))).doesNotContain("filesort");
    }

    @Test
    void forwardPagesUseTheTicketIndexToo() {
        TicketId ticket = aSeededTicket();
        long firstId = database.dsl().select(CHAT_MESSAGES.ID).from(CHAT_MESSAGES)
                .where(CHAT_MESSAGES.TICKET_ID.eq((int) ticket.value())).orderBy(CHAT_MESSAGES.ID).limit(1).fetchSingle().value1();

        assertThat(repository.page(ticket, MessagePageRequest.after(MessageId.of(firstId), 50))).hasSize(51);

        Record plan = onlyPlanRow(explainLastQuery());
        assertThat(plan.get("key", String.class)).isEqualTo("idx_chat_messages_ticket");
        assertThat(String.valueOf(plan.get("Extra"))).doesNotContain("filesort");
    }

    @Test
    void theUnreadCountIsAnsweredFromTheUnreadIndexAlone() {
        TicketId ticket = aSeededTicket();

        assertThat(repository.countUnread(ticket, ParticipantType.AGENT)).isPositive();

        Record plan = onlyPlanRow(explainLastQuery());
        assertThat(plan.get("key", String.class)).isEqualTo("idx_chat_messages_unread");
        assertThat(String.valueOf(plan.get("Extra"))).contains("Using index").doesNotContain("filesort");
        assertThat(plan.get("rows", Long.class)).isLessThan(2_000L);
    }

    private TicketId aSeededTicket() {
        return seededTicket;
    }

    private Result<Record> explainLastQuery() {
        Statement last = captured.getLast();
        return database.dsl().connectionResult(connection -> {
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + last.sql())) {
                for (Map.Entry<Integer, Object> value : last.values().entrySet()) {
                    explain.setObject(value.getKey(), value.getValue());
                }
                return database.dsl().fetch(explain.executeQuery());
            }
        });
    }

    private record Statement(String sql, SortedMap<Integer, Object> values) {
    }

    /** Records each statement prepared on it and the values bound to it. */
    private final class CapturingConnection extends DefaultConnection {

        CapturingConnection(Connection delegate) {
            super(delegate);
        }

        @Override
        public PreparedStatement prepareStatement(String sql) throws SQLException {
            Statement statement = new Statement(sql, new TreeMap<>());
            captured.add(statement);
            return new DefaultPreparedStatement(super.prepareStatement(sql)) {
                @Override
                public void setInt(int index, int value) throws SQLException {
                    statement.values().put(index, value);
                    super.setInt(index, value);
                }

                @Override
                public void setString(int index, String value) throws SQLException {
                    statement.values().put(index, value);
                    super.setString(index, value);
                }
            };
        }
    }

    private static Record onlyPlanRow(Result<Record> plan) {
        assertThat(plan).as("one table, one plan row: %s", plan).hasSize(1);
        return plan.getFirst();
    }
}
