package io.ticketchat.bootstrap.core;

import io.ticketchat.persistence.jooq.StoreFailures;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.port.in.CountUnreadMessagesQuery;
import io.ticketchat.application.port.in.CountUnreadMessagesUseCase;
import io.ticketchat.application.port.in.IdentityClaim;
import io.ticketchat.application.port.in.JoinTicketRoomCommand;
import io.ticketchat.application.port.in.JoinTicketRoomUseCase;
import io.ticketchat.application.port.in.ListMessagesQuery;
import io.ticketchat.application.port.in.ListMessagesUseCase;
import io.ticketchat.application.port.in.MessagePageRequest;
import io.ticketchat.application.port.out.SendRateLimiter;
import io.ticketchat.application.service.GrantedTicketsAccessPolicy;
import io.ticketchat.domain.MessageId;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.TicketId;
import io.ticketchat.persistence.jooq.ChatPersistenceSettings;
import io.ticketchat.persistence.jooq.JooqChatParticipantRepository;
import io.ticketchat.persistence.jooq.JooqChatSessionRepository;
import io.ticketchat.persistence.jooq.JooqMessageRepository;
import io.ticketchat.persistence.jooq.JooqTicketDirectory;
import io.ticketchat.persistence.jooq.testing.ChatTestDatabase;
import io.ticketchat.persistence.jooq.testing.ChatTestServer;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.jdbc.support.JdbcTransactionManager;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the read use cases cost in statements sent to the database, wired as Spring Boot wires them
 * (jOOQ over a transaction-aware DataSource, a JDBC transaction manager), on a real server. One pooled
 * connection, so that its session's {@code Questions} counts exactly the statements a use case sent.
 */
class ReadUseCaseStatementsTest {

    private static ChatTestDatabase database;
    private static HikariDataSource oneConnection;
    private static TicketId ticket;

    private static ListMessagesUseCase listMessages;
    private static CountUnreadMessagesUseCase countUnread;
    private static JoinTicketRoomUseCase joinRoom;

    private final Caller agent = Caller.agent(7, "Alice Agent");

    @BeforeAll
    static void wireTheUseCasesOverOneConnection() {
        database = ChatTestServer.shared().createDatabase();
        ticket = database.newTicket();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername(System.getenv().getOrDefault(ChatTestServer.USER_VARIABLE, "root"));
        config.setPassword(System.getenv().getOrDefault(ChatTestServer.PASSWORD_VARIABLE, ""));
        config.setMaximumPoolSize(1);
        oneConnection = new HikariDataSource(config);

        DSLContext dsl = DSL.using(new TransactionAwareDataSourceProxy(oneConnection), database.dialect());
        ChatCoreServices core = new ChatCoreServices(new GrantedTicketsAccessPolicy(),
                new JooqTicketDirectory(dsl, ChatPersistenceSettings.defaults()), new JooqMessageRepository(dsl, JooqMessageRepository.Transactions.CALLER),
                new JooqChatSessionRepository(dsl), new JooqChatParticipantRepository(dsl),
                new AfterCommitChatEventPublisher(List::of), new AfterCommitChatEventPublisher(List::of),
                SendRateLimiter.UNLIMITED, Clock.systemUTC());
        TransactionalUseCases tx = new TransactionalUseCases(new JdbcTransactionManager(oneConnection), StoreFailures::toPortException);
        ChatUseCaseConfiguration wiring = new ChatUseCaseConfiguration();
        listMessages = wiring.listMessagesUseCase(core, tx);
        countUnread = wiring.countUnreadMessagesUseCase(core, tx);
        joinRoom = wiring.joinTicketRoomUseCase(core, tx);
    }

    @AfterAll
    static void close() {
        oneConnection.close();
        database.close();
    }

    @Test
    void listingMessagesSendsTheTicketLookupAndThePageOnly() throws SQLException {
        long before = questions();
        listMessages.listMessages(new ListMessagesQuery(agent, ticket, MessagePageRequest.latest(50)));

        assertThat(statementsSince(before)).isEqualTo(2);
    }

    @Test
    void countingUnreadMessagesSendsTheTicketLookupAndTheCountOnly() throws SQLException {
        long before = questions();
        countUnread.countUnread(new CountUnreadMessagesQuery(agent, ticket, ParticipantType.AGENT));

        assertThat(statementsSince(before)).isEqualTo(2);
    }

    @Test
    void joiningARoomReadsInOneTransaction() throws SQLException {
        long before = questions();
        joinRoom.joinRoom(new JoinTicketRoomCommand(agent, ticket, MessageId.of(1), IdentityClaim.NONE));

        // Ticket, newest id and the page, plus the transaction's own statements (at least autocommit off and COMMIT).
        assertThat(statementsSince(before)).isGreaterThanOrEqualTo(3 + 2);
    }

    private static long statementsSince(long before) throws SQLException {
        // The reading itself is one more statement.
        return questions() - before - 1;
    }

    private static long questions() throws SQLException {
        try (Connection connection = oneConnection.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW SESSION STATUS LIKE 'Questions'")) {
            row.next();
            return row.getLong(2);
        }
    }
}
