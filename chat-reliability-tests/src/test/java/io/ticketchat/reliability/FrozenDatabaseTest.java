package io.ticketchat.reliability;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.ticketchat.persistence.jooq.testing.ChatTestDatabase;
import io.ticketchat.persistence.jooq.testing.ChatTestServer;
import io.ticketchat.security.jwt.testing.TestTokens;
import io.ticketchat.web.socket.testing.ChatSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database stops answering (connections stay open, nothing comes back: a hung server, a SIGSTOP, a
 * silent network), played by a TCP proxy that freezes. Every path that reads or writes answers
 * UNAVAILABLE within a bounded time with the standalone defaults, nothing is acknowledged that is not
 * stored, retries after the thaw are stored once, and shutdown is not held up by parked senders.
 */
class FrozenDatabaseTest {

    private static final Logger log = LoggerFactory.getLogger(FrozenDatabaseTest.class);

    /** The slowest path is bounded by the send timeout (5 s) or the driver's socket timeout (10 s); room for a slow machine. */
    private static final Duration BOUND = Duration.ofSeconds(14);
    private static final Duration ANSWER = Duration.ofSeconds(30);
    private static final TestTokens TOKENS = TestTokens.withDefaultSecret(Clock.systemUTC());

    private ChatTestDatabase database;
    private TcpProxy proxy;
    private InProcessService service;
    private StoredMessages stored;
    private RestClient rest;
    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeEach
    void start() {
        database = ChatTestServer.shared().createDatabase();
        stored = new StoredMessages(database);
        URI address = StoredMessages.address(database.url());
        proxy = TcpProxy.start(address.getHost(), address.getPort());
        service = InProcessService.start(StoredMessages.withHostAndPort(database.url(), "127.0.0.1", proxy.port()));
        rest = new RestClient(service.port());
    }

    @AfterEach
    void stop() {
        proxy.thaw();
        callers.shutdownNow();
        if (service != null) {
            service.close();
        }
        proxy.close();
        database.close();
    }

    @Test
    void everyPathAnswersUnavailableWithinABoundAndRetriesAfterTheThawAreStoredOnce() throws Exception {
        long ticket = database.newTicket().value();
        long unseenTicket = database.newTicket().value();
        String agent = TOKENS.agent(401, "Agent Frozen");
        String customer = TOKENS.customer(402, "Customer Frozen", ticket);
        try (ChatSocket agentSocket = ChatSocket.withBearer(service.port(), agent);
             ChatSocket latecomer = ChatSocket.withBearer(service.port(), TOKENS.agent(403, "Agent Late"))) {
            agentSocket.join(ticket, 0L);
            agentSocket.send(ChatSocket.sendMessage(ticket, "before", "before"));
            assertThat(agentSocket.awaitAnswer("before", ANSWER).path("type").asString()).isEqualTo("MESSAGE_ACK");

            proxy.freeze();

            Map<String, Callable<String>> paths = new LinkedHashMap<>();
            paths.put("socket send", () -> {
                agentSocket.send(ChatSocket.sendMessage(ticket, "frozen, over the socket", "frozen-socket"));
                return errorCode(agentSocket.awaitAnswer("frozen-socket", ANSWER));
            });
            paths.put("REST send", () -> restCode(rest.post("/api/chat/messages", customer,
                    IdempotentSendTest.restSend(ticket, "frozen, over REST", "frozen-rest"))));
            paths.put("history", () -> restCode(rest.get("/api/chat/messages/" + ticket, agent)));
            paths.put("unread", () -> restCode(rest.get("/api/chat/unread/" + ticket + "/agent", agent)));
            paths.put("ticket lookup", () -> restCode(rest.post("/api/chat/session", agent,
                    ChatSocket.JSON.createObjectNode().put("ticketId", unseenTicket))));
            paths.put("join", () -> {
                latecomer.send(ChatSocket.joinTicket(ticket, 0L));
                return errorCode(latecomer.awaitFrame(ANSWER, event -> "ERROR".equals(event.path("type").asString(""))));
            });
            Map<String, Future<Timed>> answers = new LinkedHashMap<>();
            paths.forEach((name, path) -> answers.put(name, callers.submit(() -> Timed.of(path))));
            for (Map.Entry<String, Future<Timed>> answer : answers.entrySet()) {
                Timed timed = answer.getValue().get(ANSWER.toSeconds() + 5, TimeUnit.SECONDS);
                log.info("Frozen database: {} answered {} after {} ms", answer.getKey(), timed.result(), timed.took().toMillis());
                assertThat(timed.result()).as(answer.getKey()).isEqualTo("503 UNAVAILABLE");
                assertThat(timed.took()).as(answer.getKey()).isLessThan(BOUND);
            }
            assertThat(agentSocket.ofType("MESSAGE_ACK")).hasSize(1);

            proxy.thaw();

            // A timed-out send may still have committed: the retry with the same key gets that message, never a second one.
            await().atMost(ANSWER).until(() -> rest.get("/actuator/health", null).status() == 200);
            agentSocket.send(ChatSocket.sendMessage(ticket, "frozen, over the socket", "frozen-socket"));
            await().atMost(ANSWER).until(() -> agentSocket.ofType("MESSAGE_ACK").size() == 2);
            RestClient.Response retry = rest.post("/api/chat/messages", customer,
                    IdempotentSendTest.restSend(ticket, "frozen, over REST", "frozen-rest"));
            assertThat(retry.status()).isIn(200, 201);
            assertThat(stored.of(ticket)).extracting(StoredMessages.Stored::clientMessageId)
                    .containsExactlyInAnyOrder("before", "frozen-socket", "frozen-rest");
            assertThat(rest.get("/api/chat/messages/" + ticket, agent).status()).isEqualTo(200);
        }
    }

    @Test
    void shutdownIsNotHeldUpBySendersParkedOnAFrozenDatabase() throws Exception {
        long ticket = database.newTicket().value();
        String customer = TOKENS.customer(412, "Customer Parked", ticket);
        assertThat(rest.post("/api/chat/messages", customer, IdempotentSendTest.restSend(ticket, "warm", "warm")).status()).isEqualTo(201);
        proxy.freeze();
        List<Future<RestClient.Response>> parked = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String key = "parked-" + i;
            parked.add(callers.submit(() -> rest.post("/api/chat/messages", customer, IdempotentSendTest.restSend(ticket, key, key))));
        }
        Thread.sleep(1000);

        long started = System.nanoTime();
        service.close();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        service = null;

        log.info("Frozen database: shutdown with 8 parked senders took {} ms", took.toMillis());
        assertThat(took).isLessThan(Duration.ofSeconds(25));
        for (Future<RestClient.Response> send : parked) {
            try {
                RestClient.Response answer = send.get(5, TimeUnit.SECONDS);
                assertThat(answer.status()).isEqualTo(503);
            } catch (java.util.concurrent.ExecutionException closedUnderIt) {
                // The server went away before answering: no ack, which is all a client may rely on.
            }
        }
    }

    private static String restCode(RestClient.Response response) {
        return response.status() + " " + response.body().path("error").path("code").asString("");
    }

    private static String errorCode(JsonNode event) {
        return "ERROR".equals(event.path("type").asString("")) ? "503 " + event.path("code").asString("") : event.toString();
    }

    private record Timed(String result, Duration took) {
        static Timed of(Callable<String> path) throws Exception {
            long started = System.nanoTime();
            String result = path.call();
            return new Timed(result, Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
