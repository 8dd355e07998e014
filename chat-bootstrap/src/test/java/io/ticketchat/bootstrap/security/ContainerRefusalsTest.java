package io.ticketchat.bootstrap.security;

import io.ticketchat.bootstrap.testsupport.RawHttp;
import io.ticketchat.web.socket.testing.ChatSocket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.ticketchat.web.socket.testing.ChatSocket.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 27 items 1 to 3 against the standalone service: what Tomcat, Spring Security's firewall and
 * Spring MVC refuse before a controller runs answers under {@code /api/chat} and {@code /ws/chat} with
 * the contract's status and body, never Tomcat's HTML page or Spring's {@code {timestamp, status, ...}}.
 */
class ContainerRefusalsTest {

    private final StandaloneChat chat = StandaloneChat.shared();
    private final RawHttp http = new RawHttp(chat.port);
    private final Map<String, String> agent = Map.of("Authorization", "Bearer " + chat.tokens.agent(610_001, "Alice Agent"));

    @ParameterizedTest
    @ValueSource(strings = {"/api/chat/messages/%00", "/api/chat/messages/..%2f1", "/api/chat/messages/%c0%ae",
            "/api/chat/messages/%ff", "/api/chat/messages/1?limit=[1]", "/api/chat/messages/1?limit=%5B1%5D", "/api/chat/messages/1;x=1",
            "/api/chat/messages/%0a", "/api/chat/messages/1?limit=%ff", "/api/chat/messages/1?afterId=%ff",
            "/api/chat/messages/1?beforeId=%ff", "/api/chat/messages/1\\x", "/api/chat/messages/%2e%2e/1",
            "/api/chat//messages/1", "/api/chat/messages/1?%", "/api/chat/messages/<1>", "/api/chat/messages/1?limit={1}|^`",
            "/ws/chat%00", "/ws/chat?ticket=%ff", "/ws/chat;x=1", "/ws/chat"})
    void aRequestRefusedBeforeTheChatRunsIs400InTheContractsShape(String target) {
        RawHttp.Response response = http.get(target, agent);

        assertThat(response.status()).as(target + ": " + response.body()).isEqualTo(400);
        assertContractError(response, "VALIDATION_FAILED");
    }

    @Test
    void anAuthorizationHeaderOverTomcatsLimitIs400InTheContractsShape() {
        RawHttp.Response response = http.get("/api/chat/messages/1", Map.of("Authorization", "Bearer " + "x".repeat(9000)));

        assertThat(response.status()).isEqualTo(400);
        assertContractError(response, "VALIDATION_FAILED");
    }

    @Test
    void aWildcardContentTypeOnTheReadEndpointIs415NotA500() {
        long ticket = chat.newTicket();
        RawHttp.Response response = http.send("PUT", "/api/chat/messages/read/" + ticket,
                Map.of("Authorization", agent.get("Authorization"), "Content-Type", "application/*"), "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(415);
        assertContractError(response, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void otherMethodsOnTheSocketPathAre405InTheContractsShape() {
        RawHttp.Response response = http.send("POST", "/ws/chat", agent, "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.headers().get("allow")).isEqualTo("GET");
        assertContractError(response, "METHOD_NOT_ALLOWED");
    }

    @Test
    void aHandshakeFromAForeignOriginIs403InTheContractsShape() {
        RawHttp.Response response = http.get("/ws/chat", Map.of("Authorization", agent.get("Authorization"),
                "Upgrade", "websocket", "Connection", "Upgrade", "Sec-WebSocket-Version", "13",
                "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==", "Origin", "https://evil.example.org"));

        assertThat(response.status()).isEqualTo(403);
        assertContractError(response, "FORBIDDEN");
    }

    @Test
    void aFormBodyThatDoesNotDecodeIs400NotA500() {
        RawHttp.Response response = http.send("PUT", "/api/chat/typing", Map.of("Authorization", agent.get("Authorization"),
                "Content-Type", "application/x-www-form-urlencoded"), "a=%zz".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(400);
        assertContractError(response, "VALIDATION_FAILED");
    }

    @Test
    void aBrokenChunkedBodyIs400InTheContractsShape() {
        String request = "POST /api/chat/messages HTTP/1.1\r\nHost: localhost\r\n" + "Authorization: " + agent.get("Authorization")
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n";
        RawHttp.Response response = http.sendBytes(request.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(response.status()).isEqualTo(400);
        assertContractError(response, "VALIDATION_FAILED");
    }

    @Test
    void pathsOutsideTheChatKeepTheContainersAnswers() {
        RawHttp.Response page = http.get("/demo/%00", Map.of());

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(http.get("/api/chatty/%00", Map.of()).contentType()).startsWith("text/html");
    }

    private static void assertContractError(RawHttp.Response response, String code) {
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(response.headers().get("x-content-type-options")).isEqualTo("nosniff");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("success").isBoolean()).isTrue();
        assertThat(body.path("success").asBoolean()).isFalse();
        assertThat(body.path("message").asString()).isNotBlank();
        assertThat(body.path("error").path("code").asString()).isEqualTo(code);
        assertThat(response.body()).doesNotContain("timestamp", "Exception", "<html");
    }
}
