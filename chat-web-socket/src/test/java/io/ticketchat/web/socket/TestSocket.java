package io.ticketchat.web.socket;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** A real WebSocket client (the JDK's) that records every frame it receives. */
final class TestSocket implements WebSocket.Listener, AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final boolean reads;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    final CompletableFuture<String> closeReason = new CompletableFuture<>();
    private WebSocket socket;

    private TestSocket(boolean reads) {
        this.reads = reads;
    }

    static TestSocket open(int port, String as) {
        return open(port, as, true);
    }

    /** @param reads false for a client that never reads a single frame */
    static TestSocket open(int port, String as, boolean reads) {
        return openQuery(port, as == null ? "" : "?as=" + as, reads);
    }

    /** @param query the handshake's query string with its {@code ?}, or empty */
    static TestSocket openQuery(int port, String query, boolean reads) {
        TestSocket client = new TestSocket(reads);
        client.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://localhost:" + port + "/ws/chat" + query), client).join();
        return client;
    }

    void send(String json) {
        socket.sendText(json, true).join();
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    List<JsonNode> received() {
        return List.copyOf(received);
    }

    List<JsonNode> ofType(String type) {
        return received.stream().filter(f -> f.path("type").asString("").equals(type)).toList();
    }

    JsonNode awaitFrame(Predicate<JsonNode> match) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> received.stream().filter(match).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    JsonNode awaitType(String type) {
        return awaitFrame(f -> f.path("type").asString("").equals(type));
    }

    /** The NEW_MESSAGE ids of one ticket, in arrival order. */
    List<Long> messageIds(long ticketId) {
        return ofType("NEW_MESSAGE").stream().filter(f -> f.path("ticketId").asLong() == ticketId)
                .map(f -> f.path("messageId").asLong()).toList();
    }

    boolean isOpen() {
        return !closeCode.isDone();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        if (reads) {
            webSocket.request(1);
        }
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
        closeReason.complete(reason);
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

    /** A clean close, as a browser tab that is closed. */
    void closeNormally() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }
}
