package io.ticketchat.web.socket.testing;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * The one WebSocket test client of the chat (the JDK's client), shared through chat-web-socket's test-jar
 * by the adapter's tests, the end-to-end tests, the fuzz campaign and the reliability tests. It records
 * every frame it receives (and hands them over through a queue to a reader that waits without polling),
 * and how the socket closed. Every frame from the server must be JSON: one that is not is kept aside
 * ({@link #notJson()}) and recorded nowhere else.
 */
public final class ChatSocket implements WebSocket.Listener, AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.shared();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** What RFC 6455 reports for a connection that ended without a close frame. */
    private static final int ABNORMAL_CLOSURE = 1006;

    private final boolean reads;
    private final Consumer<JsonNode> onFrame;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final BlockingQueue<JsonNode> unread = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final CompletableFuture<String> closeReason = new CompletableFuture<>();
    private volatile String notJson;
    private volatile WebSocket socket;

    private ChatSocket(boolean reads, Consumer<JsonNode> onFrame) {
        this.reads = reads;
        this.onFrame = onFrame;
    }

    /** Connects with {@code Authorization: Bearer}, as a non-browser client may. */
    public static ChatSocket withBearer(int port, String token) {
        return withBearer(port, token, frame -> { });
    }

    /** @param onFrame runs on the receiving thread for each frame as it arrives, before the next is read */
    public static ChatSocket withBearer(int port, String token, Consumer<JsonNode> onFrame) {
        return connect(endpoint(port, ""), Map.of("Authorization", "Bearer " + token), true, onFrame);
    }

    /** Connects with a single-use handshake ticket, as a browser must. */
    public static ChatSocket withTicket(int port, String ticket) {
        return open(port, "?ticket=" + ticket, true);
    }

    /**
     * @param query the handshake's query string with its {@code ?}, or empty
     * @param reads false for a client that never reads a single frame
     */
    public static ChatSocket open(int port, String query, boolean reads) {
        return connect(endpoint(port, query), Map.of(), reads, frame -> { });
    }

    public static ChatSocket connect(URI uri, Map<String, String> headers) {
        return connect(uri, headers, true, frame -> { });
    }

    private static ChatSocket connect(URI uri, Map<String, String> headers, boolean reads, Consumer<JsonNode> onFrame) {
        ChatSocket client = new ChatSocket(reads, onFrame);
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        client.socket = builder.buildAsync(uri, client).join();
        return client;
    }

    private static URI endpoint(int port, String query) {
        return URI.create("ws://localhost:" + port + "/ws/chat" + query);
    }

    /** A frame of the given type, to add fields to. */
    public static ObjectNode frame(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    public static ObjectNode sendMessage(long ticketId, String text, String clientMessageId) {
        return frame("SEND_MESSAGE").put("ticketId", ticketId).put("message", text).put("clientMessageId", clientMessageId);
    }

    public static ObjectNode joinTicket(long ticketId, Long lastMessageId) {
        ObjectNode join = frame("JOIN_TICKET").put("ticketId", ticketId);
        if (lastMessageId != null) {
            join.put("lastMessageId", lastMessageId);
        }
        return join;
    }

    public static Predicate<JsonNode> isType(String type) {
        return frame -> type.equals(frame.path("type").asString(""));
    }

    /** Whether the frame is the ACK or ERROR answering this clientMessageId. */
    public static boolean answers(JsonNode frame, String clientMessageId) {
        return (isType("MESSAGE_ACK").test(frame) || isType("ERROR").test(frame))
                && clientMessageId.equals(frame.path("clientMessageId").asString(""));
    }

    /** Synchronized: the JDK client allows one outstanding text send at a time. */
    public synchronized void send(String text) {
        socket.sendText(text, true).join();
    }

    public void send(JsonNode frame) {
        send(JSON.writeValueAsString(frame));
    }

    public synchronized void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /** Sends a PING and waits for its PONG: every frame sent before has been handled by then. */
    public void roundTrip() {
        int pongs = ofType("PONG").size();
        send("{\"type\":\"PING\"}");
        await().atMost(WAIT).until(() -> ofType("PONG").size() > pongs);
    }

    /** Joins a ticket's room and waits for {@code JOINED_ROOM}. */
    public JsonNode join(long ticketId) {
        return join(ticketId, null);
    }

    /** Joins a ticket's room, resuming after {@code lastMessageId} when given, and waits for {@code JOINED_ROOM}. */
    public JsonNode join(long ticketId, Long lastMessageId) {
        int before = ofType("JOINED_ROOM").size();
        send(joinTicket(ticketId, lastMessageId));
        await().atMost(WAIT).until(() -> ofType("JOINED_ROOM").size() > before);
        return ofType("JOINED_ROOM").getLast();
    }

    public List<JsonNode> received() {
        return List.copyOf(received);
    }

    public List<JsonNode> ofType(String type) {
        return received.stream().filter(isType(type)).toList();
    }

    public JsonNode awaitFrame(Predicate<JsonNode> match) {
        return awaitFrame(WAIT, match);
    }

    public JsonNode awaitFrame(Duration atMost, Predicate<JsonNode> match) {
        return await().atMost(atMost).until(() -> received.stream().filter(match).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    public JsonNode awaitType(String type) {
        return awaitFrame(isType(type));
    }

    /** The first ACK or ERROR answering the given clientMessageId. */
    public JsonNode awaitAnswer(String clientMessageId, Duration atMost) {
        return awaitFrame(atMost, frame -> answers(frame, clientMessageId));
    }

    /**
     * The frames not taken yet, up to and including the first that matches, or what arrived until the
     * socket closed or time ran out: for a campaign of thousands of frames that waits for each answer.
     */
    public List<JsonNode> until(Predicate<JsonNode> last, Duration timeout) throws InterruptedException {
        List<JsonNode> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode frame = unread.poll(Math.min(50, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)), TimeUnit.MILLISECONDS);
            if (frame != null) {
                seen.add(frame);
                if (last.test(frame)) {
                    return seen;
                }
            } else if (closeCode.isDone()) {
                return seen;
            }
        }
        return seen;
    }

    /** The NEW_MESSAGE ids of one ticket, in arrival order. */
    public List<Long> messageIds(long ticketId) {
        return ofType("NEW_MESSAGE").stream().filter(f -> f.path("ticketId").asLong() == ticketId)
                .map(f -> f.path("messageId").asLong()).toList();
    }

    /** The last text frame that was not JSON, or null. */
    public String notJson() {
        return notJson;
    }

    public CompletableFuture<Integer> closeCode() {
        return closeCode;
    }

    public CompletableFuture<String> closeReason() {
        return closeReason;
    }

    public int awaitClose() {
        return await().atMost(WAIT).until(() -> closeCode.getNow(null), Objects::nonNull);
    }

    public boolean isOpen() {
        return !closeCode.isDone() && !socket.isInputClosed() && !socket.isOutputClosed();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        if (reads) {
            webSocket.request(1);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        synchronized (partial) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode frame = JSON.readTree(text);
                    onFrame.accept(frame);
                    received.add(frame);
                    unread.add(frame);
                } catch (JacksonException e) {
                    notJson = text;
                }
            }
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
        closeCode.complete(ABNORMAL_CLOSURE);
    }

    /** A clean close, as a browser tab that is closed. */
    public void closeNormally() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    /** Drops the connection without a close handshake, as a client whose network went away. */
    public void drop() {
        socket.abort();
        closeCode.complete(ABNORMAL_CLOSURE);
    }

    @Override
    public void close() {
        if (isOpen()) {
            socket.abort();
        }
    }
}
