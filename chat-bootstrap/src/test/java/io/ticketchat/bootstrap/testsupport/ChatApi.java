package io.ticketchat.bootstrap.testsupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain JDK HTTP client for the chat's REST API, with whatever headers identify the caller. */
public final class ChatApi {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final Map<String, String> headers;

    private ChatApi(String base, Map<String, String> headers) {
        this.base = base;
        this.headers = headers;
    }

    public static ChatApi bearer(int port, String token) {
        return new ChatApi("http://localhost:" + port, Map.of("Authorization", "Bearer " + token));
    }

    public static ChatApi withHeaders(int port, Map<String, String> headers) {
        return new ChatApi("http://localhost:" + port, new LinkedHashMap<>(headers));
    }

    public static ChatApi anonymous(int port) {
        return new ChatApi("http://localhost:" + port, Map.of());
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Response post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response put(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private Response send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A status and its body, parsed on demand. */
    public record Response(int status, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
