package io.ticketchat.reliability;

import io.ticketchat.persistence.jooq.testing.ChatTestDatabase;
import io.ticketchat.persistence.jooq.testing.ChatTestServer;
import io.ticketchat.security.jwt.testing.TestTokens;
import io.ticketchat.web.socket.testing.ChatSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A send retried with the same clientMessageId, over whatever path, ends as one stored message, and
 * every attempt is answered with that message.
 */
class IdempotentSendTest {

    private static final Duration ANSWER = Duration.ofSeconds(10);
    private static final TestTokens TOKENS = TestTokens.withDefaultSecret(Clock.systemUTC());

    private static ChatTestDatabase database;
    private static InProcessService service;
    private static StoredMessages stored;
    private static RestClient rest;

    @BeforeAll
    static void start() {
        database = ChatTestServer.shared().createDatabase();
        stored = new StoredMessages(database);
        service = InProcessService.start(database.url());
        rest = new RestClient(service.port());
    }

    @AfterAll
    static void stop() {
        service.close();
        database.close();
    }

    @Test
    void aRetryOnTheSameSocketAfterATimeoutGetsTheOriginalAndAnnouncesNothingNew() {
        long ticket = database.newTicket().value();
        String token = TOKENS.agent(101, "Agent Retry");
        try (ChatSocket client = ChatSocket.withBearer(service.port(), token)) {
            client.join(ticket, 0L);
            String key = UUID.randomUUID().toString();
            client.send(ChatSocket.sendMessage(ticket, "first try", key));
            JsonNode first = client.awaitAnswer(key, ANSWER);
            // The client's timer fired before it saw the ack: it sends again with the same key.
            client.send(ChatSocket.sendMessage(ticket, "first try", key));
            await().atMost(ANSWER).until(() -> acksOf(client, key).size() == 2);
            client.send(ChatSocket.sendMessage(ticket, "marker", "marker-" + key));
            client.awaitFrame(ANSWER, event -> ("marker-" + key).equals(event.path("clientMessageId").asString(""))
                    && "NEW_MESSAGE".equals(event.path("type").asString()));

            assertThat(first.path("type").asString()).isEqualTo("MESSAGE_ACK");
            assertThat(acksOf(client, key)).extracting(ack -> ack.path("messageId").asLong())
                    .containsOnly(first.path("messageId").asLong());
            assertThat(client.ofType("NEW_MESSAGE")).filteredOn(event -> key.equals(event.path("clientMessageId").asString("")))
                    .hasSize(1);
            assertThat(stored.countOf(ticket, key)).isEqualTo(1);
        }
    }

    @Test
    void aRetryAfterAReconnectGetsTheOriginalAndTheResumedSocketSeesItOnce() {
        long ticket = database.newTicket().value();
        String token = TOKENS.agent(102, "Agent Reconnect");
        String key = UUID.randomUUID().toString();
        try (ChatSocket lost = ChatSocket.withBearer(service.port(), token)) {
            lost.send(ChatSocket.sendMessage(ticket, "sent just before the network went away", key));
            lost.drop();
        }
        await().atMost(ANSWER).until(() -> stored.countOf(ticket, key) == 1);
        try (ChatSocket again = ChatSocket.withBearer(service.port(), token)) {
            again.join(ticket, 0L);
            again.send(ChatSocket.sendMessage(ticket, "sent just before the network went away", key));
            JsonNode ack = again.awaitAnswer(key, ANSWER);

            assertThat(ack.path("type").asString()).isEqualTo("MESSAGE_ACK");
            assertThat(ack.path("messageId").asLong()).isEqualTo(stored.of(ticket).getFirst().id());
            await().atMost(ANSWER).until(() -> again.messageIds(ticket).size() == 1);
            assertThat(again.messageIds(ticket)).containsExactly(ack.path("messageId").asLong());
            assertThat(stored.countOf(ticket, key)).isEqualTo(1);
        }
    }

    @Test
    void aRetryOverRestAfterTheSocketFailedGetsTheOriginal() {
        long ticket = database.newTicket().value();
        String token = TOKENS.agent(103, "Agent Fallback");
        String key = UUID.randomUUID().toString();
        try (ChatSocket lost = ChatSocket.withBearer(service.port(), token)) {
            lost.send(ChatSocket.sendMessage(ticket, "socket first", key));
            lost.drop();
        }
        await().atMost(ANSWER).until(() -> stored.countOf(ticket, key) == 1);

        RestClient.Response retry = rest.post("/api/chat/messages", token, restSend(ticket, "socket first", key));

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body().path("data").path("id").asLong()).isEqualTo(stored.of(ticket).getFirst().id());
        assertThat(retry.body().path("data").path("client_message_id").asString()).isEqualTo(key);
        assertThat(stored.countOf(ticket, key)).isEqualTo(1);
    }

    @Test
    void racingRetriesOverTwoSocketsAndRestStoreOneMessageAndAnswerEveryAttemptWithIt() throws Exception {
        String token = TOKENS.agent(104, "Agent Race");
        try (ChatSocket first = ChatSocket.withBearer(service.port(), token);
             ChatSocket second = ChatSocket.withBearer(service.port(), token)) {
            for (int round = 0; round < 15; round++) {
                long ticket = database.newTicket().value();
                String key = "race-" + round + "-" + UUID.randomUUID();
                CyclicBarrier start = new CyclicBarrier(3);
                List<CompletableFuture<Long>> attempts = new ArrayList<>();
                attempts.add(CompletableFuture.supplyAsync(() -> viaSocket(first, start, ticket, key)));
                attempts.add(CompletableFuture.supplyAsync(() -> viaSocket(second, start, ticket, key)));
                attempts.add(CompletableFuture.supplyAsync(() -> {
                    awaitBarrier(start);
                    RestClient.Response response = rest.post("/api/chat/messages", token, restSend(ticket, "race", key));
                    assertThat(response.status()).isIn(200, 201);
                    return response.body().path("data").path("id").asLong();
                }));
                List<Long> answers = attempts.stream().map(CompletableFuture::join).toList();

                assertThat(stored.of(ticket)).hasSize(1);
                assertThat(answers).containsOnly(stored.of(ticket).getFirst().id());
            }
        }
    }

    private static List<JsonNode> acksOf(ChatSocket client, String key) {
        return client.ofType("MESSAGE_ACK").stream().filter(ack -> key.equals(ack.path("clientMessageId").asString(""))).toList();
    }

    private static long viaSocket(ChatSocket client, CyclicBarrier start, long ticket, String key) {
        awaitBarrier(start);
        client.send(ChatSocket.sendMessage(ticket, "race", key));
        JsonNode answer = client.awaitAnswer(key, ANSWER);
        assertThat(answer.path("type").asString()).isEqualTo("MESSAGE_ACK");
        return answer.path("messageId").asLong();
    }

    private static void awaitBarrier(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode restSend(long ticket, String text, String key) {
        return ChatSocket.JSON.createObjectNode().put("ticketId", ticket).put("message", text).put("clientMessageId", key);
    }
}
