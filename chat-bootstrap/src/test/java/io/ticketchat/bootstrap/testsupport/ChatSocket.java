package io.ticketchat.bootstrap.testsupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** A real WebSocket client (the JDK's) that records every frame it receives, for end-to-end tests. */
public final class ChatSocket implements WebSocket.Listener, AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.shared();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private WebSocket socket;

    private ChatSocket() {
    }

    /** Connects with {@code Authorization: Bearer}, as a non-browser client may. */
    public static ChatSocket withBearer(int port, String token) {
        return connect(URI.create("ws://localhost:" + port + "/ws/chat"), Map.of("Authorization", "Bearer " + token));
    }

    /** Connects with a single-use handshake ticket, as a browser must. */
    public static ChatSocket withTicket(int port, String ticket) {
        return connect(URI.create("ws://localhost:" + port + "/ws/chat?ticket=" + ticket), Map.of());
    }

    public static ChatSocket connect(URI uri, Map<String, String> headers) {
        ChatSocket client = new ChatSocket();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        client.socket = builder.buildAsync(uri, client).join();
        return client;
    }

    public void send(String json) {
        socket.sendText(json, true).join();
    }

    public void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /** Sends a PING and waits for its PONG: every frame sent before has been handled by then. */
    public void roundTrip() {
        int pongs = ofType("PONG").size();
        send("{\"type\":\"PING\"}");
        await().atMost(WAIT).until(() -> ofType("PONG").size() > pongs);
    }

    public int awaitClose() {
        return await().atMost(WAIT).until(() -> closeCode.getNow(null), Objects::nonNull);
    }

    public boolean isOpen() {
        return !closeCode.isDone();
    }

    public List<JsonNode> received() {
        return List.copyOf(received);
    }

    public List<JsonNode> ofType(String type) {
        return received.stream().filter(isType(type)).toList();
    }

    public JsonNode awaitFrame(Predicate<JsonNode> match) {
        return await().atMost(WAIT).until(() -> received.stream().filter(match).findFirst(), Optional::isPresent).orElseThrow();
    }

    public JsonNode awaitType(String type) {
        return awaitFrame(isType(type));
    }

    /** Joins a ticket's room and waits for {@code JOINED_ROOM}. */
    public JsonNode join(long ticketId) {
        send("{\"type\":\"JOIN_TICKET\",\"ticketId\":" + ticketId + "}");
        return awaitFrame(f -> isType("JOINED_ROOM").test(f) && f.path("ticketId").asLong() == ticketId);
    }

    /** The NEW_MESSAGE ids of one ticket, in arrival order. */
    public List<Long> messageIds(long ticketId) {
        return ofType("NEW_MESSAGE").stream().filter(f -> f.path("ticketId").asLong() == ticketId)
                .map(f -> f.path("messageId").asLong()).toList();
    }

    public static Predicate<JsonNode> isType(String type) {
        return frame -> type.equals(frame.path("type").asString(""));
    }

    public CompletableFuture<Integer> closeCode() {
        return closeCode;
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

    /** Drops the connection without a close handshake, as a client whose network went away. */
    public void drop() {
        socket.abort();
    }

    @Override
    public void close() {
        if (isOpen()) {
            socket.abort();
        }
    }
}
