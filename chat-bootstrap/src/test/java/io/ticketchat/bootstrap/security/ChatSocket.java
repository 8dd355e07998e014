package io.ticketchat.bootstrap.security;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** A real WebSocket client (the JDK's) that records every frame it receives and how it was closed. */
final class ChatSocket implements WebSocket.Listener, AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private WebSocket socket;

    private ChatSocket() {
    }

    /** Opens a socket; fails (CompletionException) when the handshake is refused. */
    static ChatSocket open(URI uri, Map<String, String> headers) {
        ChatSocket client = new ChatSocket();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        client.socket = builder.buildAsync(uri, client).join();
        return client;
    }

    void send(String json) {
        socket.sendText(json, true).join();
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    List<JsonNode> ofType(String type) {
        return received.stream().filter(f -> f.path("type").asString("").equals(type)).toList();
    }

    List<JsonNode> received() {
        return List.copyOf(received);
    }

    JsonNode awaitFrame(Predicate<JsonNode> match) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> received.stream().filter(match).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    JsonNode awaitType(String type) {
        return awaitFrame(f -> f.path("type").asString("").equals(type));
    }

    /** Sends a PING and waits for its PONG: every frame sent before has been handled by then. */
    void roundTrip() {
        int pongs = ofType("PONG").size();
        send("{\"type\":\"PING\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> ofType("PONG").size() > pongs);
    }

    int awaitClose() {
        return await().atMost(Duration.ofSeconds(10)).until(() -> closeCode.getNow(null), java.util.Objects::nonNull);
    }

    boolean isOpen() {
        return !closeCode.isDone();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            received.add(JSON.readTree(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.complete(-1);
    }

    @Override
    public void close() {
        if (isOpen()) {
            socket.abort();
        }
    }
}
