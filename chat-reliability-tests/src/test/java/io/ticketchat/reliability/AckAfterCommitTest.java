package io.ticketchat.reliability;

import io.ticketchat.persistence.jooq.testing.ChatTestDatabase;
import io.ticketchat.persistence.jooq.testing.ChatTestServer;
import io.ticketchat.security.jwt.testing.TestTokens;
import io.ticketchat.web.socket.testing.ChatSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** MESSAGE_ACK means committed; a write that fails is answered with ERROR and leaves nothing behind. */
class AckAfterCommitTest {

    private static final Duration ANSWER = Duration.ofSeconds(10);
    private static final TestTokens TOKENS = TestTokens.withDefaultSecret(Clock.systemUTC());

    private static ChatTestDatabase database;
    private static InProcessService service;
    private static StoredMessages stored;

    @BeforeAll
    static void start() {
        database = ChatTestServer.shared().createDatabase();
        stored = new StoredMessages(database);
        service = InProcessService.start(database.url());
    }

    @AfterAll
    static void stop() {
        service.close();
        database.close();
    }

    @Test
    void everyAckedMessageIsAlreadyVisibleToAnotherConnectionWhenTheAckArrives() {
        long ticket = database.newTicket().value();
        Map<Long, Boolean> visibleAtAck = new ConcurrentHashMap<>();
        // Looked up the moment the ack is read, on the test's own pool: a commit still pending would show as absent.
        try (ChatSocket client = ChatSocket.withBearer(service.port(), TOKENS.agent(201, "Agent Ack"), event -> {
            if ("MESSAGE_ACK".equals(event.path("type").asString(""))) {
                long id = event.path("messageId").asLong();
                visibleAtAck.put(id, stored.exists(id));
            }
        })) {
            int count = 60;
            for (int i = 0; i < count; i++) {
                client.send(ChatSocket.sendMessage(ticket, "pipelined " + i, "ack-" + i));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> visibleAtAck.size() == count);

            assertThat(visibleAtAck).allSatisfy((id, visible) -> assertThat(visible).as("message %d visible at its ack", id).isTrue());
            assertThat(client.ofType("ERROR")).isEmpty();
        }
    }

    @Test
    void aWriteThatFailsAfterTheInsertAnswersErrorNeverAnAckAndStoresNothing() {
        long ticket = database.newTicket().value();
        // The message row is inserted first, then the ticket's head row is moved on; failing that second
        // statement leaves a half-done write that only a rollback can undo. SQLSTATE 23000, because
        // MariaDB Connector/J reports states it does not know (such as 45000) as connection failures.
        String trigger = "chat_fail_head_" + ticket;
        database.dsl().execute("CREATE TRIGGER " + trigger + " BEFORE UPDATE ON chat_ticket_heads FOR EACH ROW"
                + " BEGIN IF NEW.ticket_id = " + ticket + " AND NOT (NEW.last_message_id <=> OLD.last_message_id) THEN"
                + " SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'injected failure'; END IF; END");
        try (ChatSocket sender = ChatSocket.withBearer(service.port(), TOKENS.agent(202, "Agent Fail"));
             ChatSocket watcher = ChatSocket.withBearer(service.port(), TOKENS.agent(203, "Agent Watch"))) {
            watcher.join(ticket, 0L);
            sender.send(ChatSocket.sendMessage(ticket, "doomed", "doomed-1"));
            JsonNode answer = sender.awaitAnswer("doomed-1", ANSWER);

            assertThat(answer.path("type").asString()).isEqualTo("ERROR");
            assertThat(answer.path("code").asString()).isEqualTo("INTERNAL");
            assertThat(stored.of(ticket)).isEmpty();
            assertThat(database.dsl().resultQuery("select count(*) from chat_ticket_heads where ticket_id = ? and last_message_id is not null", ticket)
                    .fetchSingle(0, Integer.class)).isZero();

            database.dsl().execute("DROP TRIGGER " + trigger);
            sender.send(ChatSocket.sendMessage(ticket, "doomed", "doomed-1"));
            await().atMost(ANSWER).until(() -> sender.ofType("MESSAGE_ACK").size() == 1);
            await().atMost(ANSWER).until(() -> watcher.messageIds(ticket).size() == 1);

            assertThat(stored.of(ticket)).hasSize(1);
            assertThat(watcher.messageIds(ticket)).containsExactly(stored.of(ticket).getFirst().id());
            assertThat(sender.ofType("MESSAGE_ACK")).singleElement()
                    .satisfies(ack -> assertThat(ack.path("messageId").asLong()).isEqualTo(stored.of(ticket).getFirst().id()));
        } finally {
            database.dsl().execute("DROP TRIGGER IF EXISTS " + trigger);
        }
    }
}
