package io.ticketchat.bootstrap.e2e;

import io.ticketchat.bootstrap.testsupport.ChatApi;
import io.ticketchat.web.socket.testing.ChatSocket;
import io.ticketchat.bootstrap.testsupport.SharedStandaloneService;
import io.ticketchat.bootstrap.testsupport.StandaloneService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What an operator sees of the standalone service: health, metrics, and logs free of message text and tokens. */
@ExtendWith({SharedStandaloneService.class, OutputCaptureExtension.class})
class OperabilityE2eTest {

    private StandaloneService service;
    private long ticket;
    private String agentToken;
    private ChatApi operator;

    @BeforeEach
    void setUp(StandaloneService service) {
        this.service = service;
        ticket = service.newTicket();
        agentToken = service.tokens().agent(1, "Agent Smith");
        operator = ChatApi.bearer(service.port(), agentToken);
    }

    @Test
    void healthIsUpAndCoversTheDatabaseAndTheSockets() {
        ChatApi anonymous = ChatApi.anonymous(service.port());

        JsonNode health = anonymous.get("/actuator/health").json();

        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("chatSockets").path("status").asString()).isEqualTo("UP");
        assertThat(anonymous.get("/actuator/health/chatSockets").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/readiness").json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void metricsCountMessagesSocketsDeliveriesAndRefusedFrames() {
        double postedBefore = metric("chat.messages.posted", "");
        double groupCommittedBefore = metric("chat.group-commit.messages", "");
        double refusedBefore = metric("chat.frames.refused", "?tag=code:VALIDATION_FAILED");
        try (ChatSocket socket = ChatSocket.withBearer(service.port(), agentToken)) {
            socket.join(ticket);
            await().atMost(Duration.ofSeconds(10)).until(() -> metric("chat.sockets.open", "") >= 1);

            operator.post("/api/chat/messages", "{\"ticketId\": " + ticket + ", \"message\": \"counted\"}");
            socket.awaitType("NEW_MESSAGE");
            socket.send("{\"type\": \"SEND_MESSAGE\", \"ticketId\": ");
            assertThat(socket.awaitType("ERROR").path("code").asString()).isEqualTo("VALIDATION_FAILED");

            assertThat(metric("chat.messages.posted", "")).isEqualTo(postedBefore + 1);
            assertThat(metric("chat.group-commit.messages", "")).isEqualTo(groupCommittedBefore + 1);
            assertThat(metric("chat.group-commit.batches", "")).isGreaterThanOrEqualTo(1);
            assertThat(metric("chat.group-commit.queued", "")).isZero();
            assertThat(metric("chat.frames.refused", "?tag=code:VALIDATION_FAILED")).isEqualTo(refusedBefore + 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> measurement("chat.delivery.time", "COUNT") >= 1);
        }
    }

    @Test
    void logsNeverContainMessageTextOrTokens(CapturedOutput output) {
        String text = "confidential-" + UUID.randomUUID();
        String customerToken = service.tokens().customer(2, "John Doe", ticket);
        try (ChatSocket agent = ChatSocket.withBearer(service.port(), agentToken);
             ChatSocket customer = ChatSocket.withTicket(service.port(), service.handshakeTicket(customerToken))) {
            agent.join(ticket);
            customer.join(ticket);
            agent.send("{\"type\": \"SEND_MESSAGE\", \"ticketId\": " + ticket + ", \"message\": \"" + text + " socket\"}");
            customer.awaitFrame(f -> f.path("message").asString("").equals(text + " socket"));
            ChatApi.bearer(service.port(), customerToken).post("/api/chat/messages",
                    "{\"ticketId\": " + ticket + ", \"message\": \"" + text + " rest\"}");
            agent.awaitFrame(f -> f.path("message").asString("").equals(text + " rest"));
            // Failures are where text tends to leak: a refused forgery, a too-long message, a broken frame.
            customer.send("{\"type\": \"SEND_MESSAGE\", \"ticketId\": " + ticket + ", \"message\": \"" + text
                    + " forged\", \"agentName\": \"Agent Smith\"}");
            customer.send("{\"type\": \"SEND_MESSAGE\", \"ticketId\": " + ticket + ", \"message\": \"" + text + "x".repeat(10_001) + "\"}");
            customer.send("{\"type\": \"SEND_MESSAGE\", \"message\": \"" + text + " broken");
            await().atMost(Duration.ofSeconds(10)).until(() -> customer.ofType("ERROR").size() == 3);
            ChatApi.withHeaders(service.port(), Map.of("Authorization", "Bearer " + customerToken + "tampered"))
                    .post("/api/chat/messages", "{\"ticketId\": " + ticket + ", \"message\": \"" + text + " unauthenticated\"}");
        }

        // The capture does see the log the service writes to.
        LoggerFactory.getLogger(OperabilityE2eTest.class).info("log capture check {}", ticket);
        assertThat(output.getAll()).contains("log capture check " + ticket);
        assertThat(output.getAll()).doesNotContain(text).doesNotContain(agentToken).doesNotContain(customerToken);
        // Not even the signature of a token: a log line may cut the token short.
        assertThat(output.getAll()).doesNotContain(customerToken.substring(customerToken.lastIndexOf('.') + 1));
    }

    private double metric(String name, String query) {
        boolean gauge = name.equals("chat.sockets.open") || name.equals("chat.group-commit.queued");
        return measurement(name + query, gauge ? "VALUE" : "COUNT");
    }

    private double measurement(String nameAndQuery, String statistic) {
        ChatApi.Response response = operator.get("/actuator/metrics/" + nameAndQuery);
        if (response.status() == 404) {
            return 0;
        }
        assertThat(response.status()).isEqualTo(200);
        return response.json().path("measurements").valueStream()
                .filter(m -> statistic.equals(m.path("statistic").asString()))
                .mapToDouble(m -> m.path("value").asDouble()).findFirst().orElseThrow();
    }
}
