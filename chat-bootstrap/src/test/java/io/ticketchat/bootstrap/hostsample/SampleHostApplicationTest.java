package io.ticketchat.bootstrap.hostsample;

import io.ticketchat.bootstrap.testsupport.ChatApi;
import io.ticketchat.web.socket.testing.ChatSocket;
import io.ticketchat.persistence.jooq.testing.ChatTestDatabase;
import io.ticketchat.persistence.jooq.testing.ChatTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots the sample help desk, which embeds the chat through the auto-configuration alone, on an empty
 * database and with Spring Security hidden from its class path: a host without Spring Security must
 * not need it. Both migration sets run; an agent and a customer chat over REST and WebSocket.
 */
class SampleHostApplicationTest {

    private static final String AGENT = "agent:42:Alice Agent";
    private static final String CUSTOMER = "customer:7:Carol Customer";

    private static ChatTestDatabase database;
    private static ConfigurableApplicationContext host;
    private static JdbcTemplate jdbc;
    private static int port;

    @BeforeAll
    static void startTheHost() {
        database = ChatTestServer.shared().createEmptyDatabase();
        host = new SpringApplicationBuilder(SampleHostApplication.class)
                .resourceLoader(new DefaultResourceLoader(new FilteredClassLoader("org.springframework.security")))
                .properties("spring.datasource.url=" + database.url(),
                        "spring.datasource.username=" + env(ChatTestServer.USER_VARIABLE, "root"),
                        "spring.datasource.password=" + env(ChatTestServer.PASSWORD_VARIABLE, ""),
                        "server.port=0", "spring.main.banner-mode=off")
                .run();
        port = host.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        jdbc = host.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stopTheHost() {
        host.close();
        database.close();
    }

    @Test
    void bothMigrationSetsRanEachWithItsOwnHistoryAndNoStandaloneTables() {
        assertThat(tables()).contains("customers", "tickets", "flyway_schema_history",
                        "chat_messages", "chat_sessions", "chat_participants", "chat_schema_history")
                .doesNotContain("users", "chat_standalone_schema_history");
        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank", String.class))
                .containsExactly("1", "2");
        assertThat(jdbc.queryForList("SELECT version FROM chat_schema_history WHERE success AND version <> '0'", String.class))
                .isNotEmpty();
        // The host's tickets kept their own columns; the chat added none of its own to them.
        assertThat(jdbc.queryForList("SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = 'tickets'",
                String.class, database.databaseName()))
                .containsExactlyInAnyOrder("id", "subject", "customer_id", "customer_name", "priority", "opened_at", "status");
    }

    @Test
    void anAgentAndACustomerChatOverRestAndWebSocket() {
        long ticket = newTicket(7, "Carol Customer", "Printer on fire");
        try (ChatSocket agent = socket(AGENT); ChatSocket customer = socket(CUSTOMER)) {
            agent.join(ticket);
            customer.join(ticket);

            ChatApi.Response posted = ChatApi.withHeaders(port, Map.of(GatewayHeaderFilter.HEADER, CUSTOMER))
                    .post("/api/chat/messages", "{\"ticketId\": " + ticket + ", \"message\": \"It smokes\"}");
            assertThat(posted.status()).isEqualTo(201);
            JsonNode heard = agent.awaitFrame(f -> "It smokes".equals(f.path("message").asString("")));
            assertThat(heard.path("userType").asString()).isEqualTo("customer");
            assertThat(heard.path("customerName").asString()).isEqualTo("Carol Customer");

            agent.send("{\"type\": \"SEND_MESSAGE\", \"ticketId\": " + ticket + ", \"message\": \"Unplug it, please\"}");
            long reply = agent.awaitType("MESSAGE_ACK").path("messageId").asLong();
            JsonNode answer = customer.awaitFrame(f -> f.path("messageId").asLong() == reply);
            assertThat(answer.path("agentName").asString()).isEqualTo("Alice Agent");
        }

        JsonNode history = ChatApi.withHeaders(port, Map.of(GatewayHeaderFilter.HEADER, AGENT))
                .get("/api/chat/messages/" + ticket).json();
        // The ticket block comes from the host's own columns, mapped with chat.tickets.*.
        assertThat(history.path("ticket").path("name").asString()).isEqualTo("Carol Customer");
        assertThat(history.path("ticket").path("issue_title").asString()).isEqualTo("Printer on fire");
        assertThat(history.path("data").valueStream().map(m -> m.path("message").asString()))
                .containsExactly("It smokes", "Unplug it, please");
    }

    @Test
    void aBrowserGetsItsSocketThroughAWsTicketTheChatIssuesForTheHostsOwnCaller() {
        long ticket = newTicket(7, "Carol Customer", "Screen flickers");
        ChatApi.Response issued = ChatApi.withHeaders(port, Map.of(GatewayHeaderFilter.HEADER, CUSTOMER))
                .post("/api/chat/ws-ticket", "");
        assertThat(issued.status()).isEqualTo(200);
        String wsTicket = issued.json().path("data").path("ticket").asString();

        // The handshake carries no gateway header, as a browser's would not: the ticket alone says who it is.
        try (ChatSocket customer = ChatSocket.connect(URI.create("ws://localhost:" + port + "/ws/chat?ticket=" + wsTicket), Map.of())) {
            customer.join(ticket);
            customer.send("{\"type\": \"SEND_MESSAGE\", \"ticketId\": " + ticket + ", \"message\": \"Via a ticket\"}");
            assertThat(customer.awaitType("MESSAGE_ACK").path("messageId").asLong()).isPositive();
        }
        assertThat(ChatApi.anonymous(port).post("/api/chat/ws-ticket", "").json().path("error").path("code").asString())
                .isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void theHostsAccessPolicyKeepsCustomersToTheirOwnTickets() {
        long someoneElses = newTicket(8, "Dan Doe", "Lost password");

        ChatApi.Response response = ChatApi.withHeaders(port, Map.of(GatewayHeaderFilter.HEADER, CUSTOMER))
                .get("/api/chat/messages/" + someoneElses);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().path("error").path("code").asString()).isEqualTo("FORBIDDEN");
    }

    @Test
    void theChatRefusesAnonymousCallersButTheHostsOwnEndpointsStayAsTheHostMadeThem() {
        assertThat(ChatApi.anonymous(port).get("/api/chat/messages/1").status()).isEqualTo(401);
        ChatApi.Response own = ChatApi.anonymous(port).get("/helpdesk/status");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("status").asString()).isEqualTo("open for business");
        assertThat(host.getBeanNamesForType(org.springframework.boot.web.servlet.FilterRegistrationBean.class))
                .noneMatch(name -> name.toLowerCase().contains("security"));
    }

    private static ChatSocket socket(String user) {
        return ChatSocket.connect(URI.create("ws://localhost:" + port + "/ws/chat"), Map.of(GatewayHeaderFilter.HEADER, user));
    }

    private static long newTicket(long customerId, String customerName, String subject) {
        jdbc.update("INSERT IGNORE INTO customers (id, name, email) VALUES (?, ?, ?)", customerId, customerName,
                customerName.toLowerCase().replace(' ', '.') + "@example.com");
        jdbc.update("INSERT INTO tickets (subject, customer_id, customer_name, priority) VALUES (?, ?, ?, 'high')",
                subject, customerId, customerName);
        return jdbc.queryForObject("SELECT MAX(id) FROM tickets", Long.class);
    }

    private static List<String> tables() {
        return jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = ?", String.class,
                database.databaseName());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
