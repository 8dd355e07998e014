package io.ticketchat.bootstrap.e2e;

import io.ticketchat.bootstrap.testsupport.ChatApi;
import io.ticketchat.bootstrap.testsupport.SharedStandaloneService;
import io.ticketchat.bootstrap.testsupport.StandaloneService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the whole stack of the standalone service (Tomcat, security filters, body limit, MVC):
 * paging, the contract's errors for bad requests, and the published API description.
 */
@ExtendWith(SharedStandaloneService.class)
class RestEdgesE2eTest {

    private StandaloneService service;
    private ChatApi agent;
    private long ticket;

    @BeforeEach
    void setUp(StandaloneService service) {
        this.service = service;
        agent = ChatApi.bearer(service.port(), service.tokens().agent(1, "Agent Smith"));
        ticket = service.newTicket();
    }

    @Test
    void historyPagesBackwardsFromTheNewest() {
        List<Long> ids = List.of(post("one"), post("two"), post("three"));

        JsonNode latest = agent.get("/api/chat/messages/" + ticket + "?limit=2").json();
        JsonNode older = agent.get("/api/chat/messages/" + ticket + "?limit=2&beforeId=" + ids.get(1)).json();
        JsonNode newer = agent.get("/api/chat/messages/" + ticket + "?afterId=" + ids.get(0)).json();

        assertThat(latest.path("data").valueStream().map(m -> m.path("id").asLong())).containsExactly(ids.get(1), ids.get(2));
        assertThat(latest.path("paging").path("hasMore").asBoolean()).isTrue();
        assertThat(older.path("data").valueStream().map(m -> m.path("id").asLong())).containsExactly(ids.get(0));
        assertThat(newer.path("data").valueStream().map(m -> m.path("id").asLong())).containsExactly(ids.get(1), ids.get(2));
    }

    @Test
    void malformedJsonIs400WithTheContractsBody() {
        ChatApi.Response response = agent.post("/api/chat/messages", "{\"ticketId\": " + ticket + ", \"message\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("success").asBoolean(true)).isFalse();
        assertThat(response.json().path("error").path("code").asString()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String huge = "{\"ticketId\": " + ticket + ", \"message\": \"" + "x".repeat(200 * 1024) + "\"}";

        ChatApi.Response response = agent.post("/api/chat/messages", huge);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().path("error").path("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void aBodyThatIsNotJsonIs415() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/chat/messages"))
                .header("Authorization", "Bearer " + service.tokens().agent(1, "Agent Smith"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("\"success\":false");
    }

    @Test
    void anUnknownRouteUnderTheApiIs404WithTheContractsBody() {
        ChatApi.Response response = agent.get("/api/chat/no-such-thing");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("error").path("code").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void theApiDescriptionListsTheGuidesSixEndpoints() {
        JsonNode paths = ChatApi.anonymous(service.port()).get("/v3/api-docs").json().path("paths");

        assertThat(paths.path("/api/chat/messages/{ticketId}").has("get")).isTrue();
        assertThat(paths.path("/api/chat/messages").has("post")).isTrue();
        assertThat(paths.path("/api/chat/messages/read/{ticketId}").has("put")).isTrue();
        assertThat(paths.path("/api/chat/unread/{ticketId}/{userType}").has("get")).isTrue();
        assertThat(paths.path("/api/chat/session").has("post")).isTrue();
        assertThat(paths.path("/api/chat/typing").has("put")).isTrue();
    }

    private long post(String text) {
        return agent.post("/api/chat/messages", "{\"ticketId\": " + ticket + ", \"message\": \"" + text + "\"}")
                .json().path("data").path("id").asLong();
    }
}
