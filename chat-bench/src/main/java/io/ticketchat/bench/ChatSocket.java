package io.ticketchat.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A participant's socket: the JDK's WebSocket client, authenticated with a bearer token on the
 * handshake, joined to the participant's ticket. Frames go to whatever sink is current when they
 * arrive, so the same sockets serve one rate step after another.
 */
final class ChatSocket implements WebSocket.Listener {

    /** Handed to the sink when the server closes a joined socket: its deliveries are lost from then on. */
    static final String CLOSED_FRAME = "{\"type\":\"BENCH_SOCKET_CLOSED\"}";

    /** Joins answered UNAVAILABLE and sent again, over the whole run. */
    static final java.util.concurrent.atomic.LongAdder JOIN_RETRIES = new java.util.concurrent.atomic.LongAdder();

    private final Participant participant;
    private final Supplier<FrameSink> sink;
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Void> joined = new CompletableFuture<>();
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private volatile WebSocket webSocket;

    ChatSocket(Participant participant, Supplier<FrameSink> sink) {
        this.participant = participant;
        this.sink = sink;
    }

    /** Connects and joins the participant's room; completes once JOINED_ROOM has arrived. */
    static CompletableFuture<ChatSocket> open(HttpClient client, URI endpoint, Participant participant, Supplier<FrameSink> sink) {
        ChatSocket socket = new ChatSocket(participant, sink);
        return client.newWebSocketBuilder()
                .header("Authorization", "Bearer " + participant.token())
                .connectTimeout(Duration.ofSeconds(30))
                .buildAsync(endpoint, socket)
                .thenCompose(ws -> {
                    socket.webSocket = ws;
                    socket.sendJoin();
                    return socket.joined;
                })
                .thenApply(ignored -> socket)
                // A server that accepts the connection but never answers the handshake must fail the run, not hang it.
                .orTimeout(60, TimeUnit.SECONDS);
    }

    private void sendJoin() {
        send("{\"type\":\"JOIN_TICKET\",\"ticketId\":" + participant.ticketId() + "}");
    }

    Participant participant() {
        return participant;
    }

    /** Queues a text frame behind the previous one: the JDK client allows one outstanding send per socket. */
    void send(String json) {
        synchronized (this) {
            sending = sending.handle((r, e) -> null).thenCompose(ignored -> webSocket.sendText(json, true));
        }
    }

    void close() {
        WebSocket ws = webSocket;
        if (ws != null) {
            ws.abort();
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String frame = partial.toString();
            partial.setLength(0);
            if (!joined.isDone() && frame.contains("\"JOINED_ROOM\"")) {
                joined.complete(null);
            } else if (!joined.isDone() && frame.contains("\"UNAVAILABLE\"")) {
                // The protocol's answer to a busy store: join again shortly.
                JOIN_RETRIES.increment();
                CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS).execute(this::sendJoin);
            } else {
                sink.get().onFrame(this, frame);
            }
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        if (!joined.completeExceptionally(new IllegalStateException("socket closed with " + statusCode + " before joining"))) {
            sink.get().onFrame(this, CLOSED_FRAME);
        }
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        joined.completeExceptionally(error);
    }
}
