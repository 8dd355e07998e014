package io.ticketchat.reliability;

import io.ticketchat.persistence.jooq.testing.ChatTestDatabase;
import io.ticketchat.persistence.jooq.testing.ChatTestServer;
import io.ticketchat.security.jwt.testing.TestTokens;
import io.ticketchat.web.socket.testing.ChatSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away (every connection reset, new ones refused) and comes back, while the service
 * keeps running: sends fail fast with UNAVAILABLE, reads fail clearly, health says DOWN, sockets stay
 * open, and afterwards everything works without a restart.
 */
class DatabaseOutageTest {

    /** "Fast": the standalone default pool timeout is 2 s; this leaves room for a slow CI machine. */
    private static final Duration FAST = Duration.ofMillis(4500);
    private static final Duration ANSWER = Duration.ofSeconds(10);
    private static final TestTokens TOKENS = TestTokens.withDefaultSecret(Clock.systemUTC());

    private static ChatTestDatabase database;
    private static TcpProxy proxy;
    private static InProcessService service;
    private static StoredMessages stored;
    private static RestClient rest;

    @BeforeAll
    static void start() {
        database = ChatTestServer.shared().createDatabase();
        stored = new StoredMessages(database);
        URI address = StoredMessages.address(database.url());
        proxy = TcpProxy.start(address.getHost(), address.getPort());
        service = InProcessService.start(StoredMessages.withHostAndPort(database.url(), "127.0.0.1", proxy.port()));
        rest = new RestClient(service.port());
    }

    @AfterAll
    static void stop() {
        service.close();
        proxy.close();
        database.close();
    }

    @Test
    void anOutageFailsFastAndClearlyKeepsSocketsOpenAndHealsWithoutARestart() {
        long ticket = database.newTicket().value();
        String agent = TOKENS.agent(301, "Agent Outage");
        String customer = TOKENS.customer(302, "Customer Outage", ticket);
        try (ChatSocket agentSocket = ChatSocket.withBearer(service.port(), agent);
             ChatSocket customerSocket = ChatSocket.withBearer(service.port(), customer)) {
            agentSocket.join(ticket, 0L);
            customerSocket.join(ticket, 0L);
            agentSocket.send(ChatSocket.sendMessage(ticket, "before", "before"));
            assertThat(agentSocket.awaitAnswer("before", ANSWER).path("type").asString()).isEqualTo("MESSAGE_ACK");

            proxy.cut();

            long started = System.nanoTime();
            agentSocket.send(ChatSocket.sendMessage(ticket, "during, over the socket", "during-socket"));
            JsonNode socketAnswer = agentSocket.awaitAnswer("during-socket", ANSWER);
            Duration socketTook = Duration.ofNanos(System.nanoTime() - started);
            assertThat(socketAnswer.path("type").asString()).isEqualTo("ERROR");
            assertThat(socketAnswer.path("code").asString()).isEqualTo("UNAVAILABLE");
            assertThat(socketTook).isLessThan(FAST);

            started = System.nanoTime();
            RestClient.Response restSend = rest.post("/api/chat/messages", customer, IdempotentSendTest.restSend(ticket, "during, over REST", "during-rest"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAST);
            assertThat(restSend.status()).isEqualTo(503);
            assertThat(restSend.body().path("error").path("code").asString()).isEqualTo("UNAVAILABLE");

            RestClient.Response history = rest.get("/api/chat/messages/" + ticket, agent);
            assertThat(history.status()).isEqualTo(503);
            assertThat(history.body().path("error").path("code").asString()).isEqualTo("UNAVAILABLE");

            try (ChatSocket latecomer = ChatSocket.withBearer(service.port(), TOKENS.agent(303, "Agent Late"))) {
                latecomer.send(ChatSocket.joinTicket(ticket, 0L));
                JsonNode joinAnswer = latecomer.awaitFrame(ANSWER, event -> "ERROR".equals(event.path("type").asString("")));
                assertThat(joinAnswer.path("code").asString()).isEqualTo("UNAVAILABLE");
            }

            RestClient.Response health = rest.get("/actuator/health", null);
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body().path("status").asString()).isEqualTo("DOWN");
            assertThat(health.body().path("components").path("db").path("status").asString()).isEqualTo("DOWN");

            agentSocket.send(ChatSocket.frame("PING"));
            agentSocket.awaitFrame(ANSWER, event -> "PONG".equals(event.path("type").asString("")));
            assertThat(agentSocket.isOpen()).isTrue();
            assertThat(customerSocket.isOpen()).isTrue();

            proxy.restore();

            await().atMost(Duration.ofSeconds(15)).until(() -> rest.get("/actuator/health", null).status() == 200);
            agentSocket.send(ChatSocket.sendMessage(ticket, "during, over the socket", "during-socket"));
            await().atMost(ANSWER).until(() -> agentSocket.ofType("MESSAGE_ACK").size() == 2);
            RestClient.Response restRetry = rest.post("/api/chat/messages", customer, IdempotentSendTest.restSend(ticket, "during, over REST", "during-rest"));
            assertThat(restRetry.status()).isEqualTo(201);

            List<Long> ids = stored.idsOf(ticket);
            assertThat(stored.of(ticket)).extracting(StoredMessages.Stored::clientMessageId)
                    .containsExactly("before", "during-socket", "during-rest");
            await().atMost(ANSWER).until(() -> agentSocket.messageIds(ticket).size() == 3 && customerSocket.messageIds(ticket).size() == 3);
            assertThat(agentSocket.messageIds(ticket)).isEqualTo(ids);
            assertThat(customerSocket.messageIds(ticket)).isEqualTo(ids);
            JsonNode page = rest.get("/api/chat/messages/" + ticket, customer).body().path("data");
            assertThat(StreamSupport.stream(page.spliterator(), false).map(message -> message.path("id").asLong()).toList())
                    .containsExactlyElementsOf(ids);
        }
    }
}
