package io.ticketchat.bootstrap.smoke;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The smoke test's WebSocket client: the JDK's, with the frames it received kept in a queue. */
final class SmokeSocket implements WebSocket.Listener, AutoCloseable {

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static SmokeSocket connect(HttpClient http, URI uri, String bearerToken, Duration timeout) {
        SmokeSocket client = new SmokeSocket();
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(timeout);
        if (bearerToken != null) {
            builder.header("Authorization", "Bearer " + bearerToken);
        }
        client.socket = builder.buildAsync(uri, client).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
        return client;
    }

    void send(String json) {
        socket.sendText(json, true).join();
    }

    /** The first frame, from now on, that matches; frames skipped on the way are dropped. */
    Optional<JsonNode> await(Predicate<JsonNode> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode frame = frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (frame == null) {
                return Optional.empty();
            }
            if (match.test(frame)) {
                return Optional.of(frame);
            }
        }
    }

    static Predicate<JsonNode> ofType(String type) {
        return frame -> type.equals(frame.path("type").asString(""));
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(JsonMapper.shared().readTree(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "smoke test done")
                    .orTimeout(2, TimeUnit.SECONDS)
                    .exceptionally(failed -> null)
                    .join();
        }
        if (socket != null) {
            socket.abort();
        }
    }
}
