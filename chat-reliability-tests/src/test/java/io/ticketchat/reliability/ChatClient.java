package io.ticketchat.reliability;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * A WebSocket client of the chat (the JDK's client, bearer token on the handshake) that records every
 * event it receives and how the socket closed.
 */
final class ChatClient implements WebSocket.Listener, AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final Consumer<JsonNode> onEvent;
    private volatile WebSocket socket;

    private ChatClient(Consumer<JsonNode> onEvent) {
        this.onEvent = onEvent;
    }

    static ChatClient connect(int port, String token) {
        return connect(port, token, event -> { });
    }

    /** @param onEvent runs on the receiving thread for each event as it arrives, before the next is read */
    static ChatClient connect(int port, String token, Consumer<JsonNode> onEvent) {
        ChatClient client = new ChatClient(onEvent);
        client.socket = HTTP.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + token)
                .buildAsync(URI.create("ws://localhost:" + port + "/ws/chat"), client)
                .join();
        return client;
    }

    static ObjectNode event(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    static ObjectNode sendMessage(long ticketId, String text, String clientMessageId) {
        return event("SEND_MESSAGE").put("ticketId", ticketId).put("message", text).put("clientMessageId", clientMessageId);
    }

    static ObjectNode join(long ticketId, Long lastMessageId) {
        ObjectNode join = event("JOIN_TICKET").put("ticketId", ticketId);
        if (lastMessageId != null) {
            join.put("lastMessageId", lastMessageId);
        }
        return join;
    }

    /** Sends one event; synchronized because the JDK client allows one outstanding text send at a time. */
    synchronized void send(JsonNode event) {
        socket.sendText(JSON.writeValueAsString(event), true).join();
    }

    /** Joins and waits for JOINED_ROOM. */
    JsonNode joinAndWait(long ticketId, Long lastMessageId) {
        int before = ofType("JOINED_ROOM").size();
        send(join(ticketId, lastMessageId));
        await().atMost(Duration.ofSeconds(10)).until(() -> ofType("JOINED_ROOM").size() > before);
        return ofType("JOINED_ROOM").getLast();
    }

    List<JsonNode> received() {
        return List.copyOf(received);
    }

    List<JsonNode> ofType(String type) {
        return received.stream().filter(event -> type.equals(event.path("type").asString(""))).toList();
    }

    JsonNode awaitEvent(Duration atMost, Predicate<JsonNode> match) {
        return await().atMost(atMost).until(() -> received.stream().filter(match).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    /** The first ACK or ERROR answering the given clientMessageId. */
    JsonNode awaitAnswer(String clientMessageId, Duration atMost) {
        return awaitEvent(atMost, event -> answers(event, clientMessageId));
    }

    static boolean answers(JsonNode event, String clientMessageId) {
        String type = event.path("type").asString("");
        return ("MESSAGE_ACK".equals(type) || "ERROR".equals(type))
                && clientMessageId.equals(event.path("clientMessageId").asString(""));
    }

    /** NEW_MESSAGE ids of one ticket in arrival order. */
    List<Long> messageIds(long ticketId) {
        return ofType("NEW_MESSAGE").stream().filter(event -> event.path("ticketId").asLong() == ticketId)
                .map(event -> event.path("messageId").asLong()).toList();
    }

    CompletableFuture<Integer> closeCode() {
        return closeCode;
    }

    boolean isOpen() {
        return !closeCode.isDone() && !socket.isInputClosed() && !socket.isOutputClosed();
    }

    /** Drops the connection without a close handshake, like a client whose network went away. */
    void drop() {
        socket.abort();
        closeCode.complete(1006);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        synchronized (partial) {
            partial.append(data);
            if (last) {
                JsonNode event = JSON.readTree(partial.toString());
                onEvent.accept(event);
                received.add(event);
                partial.setLength(0);
            }
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
        org.slf4j.LoggerFactory.getLogger(ChatClient.class).debug("Socket error: {}", error.toString());
        closeCode.complete(1006);
    }

    @Override
    public void close() {
        if (isOpen()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(failure -> null);
        }
        socket.abort();
    }
}
