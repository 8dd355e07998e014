package io.ticketchat.reliability;

import io.ticketchat.web.socket.testing.ChatSocket;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A chat client that behaves as the protocol asks a well-written one to: it keeps the highest message
 * id it has seen, re-joins with it after a reconnect, and resends every send that was not acknowledged
 * with its original clientMessageId. Records what it sent, what was acknowledged and what it received.
 */
final class SimulatedUser {

    private final String name;
    private final long ticket;
    private final String token;
    private final Semaphore window;
    private final AtomicInteger generation = new AtomicInteger();
    private final Set<String> sent = new LinkedHashSet<>();
    private final Map<String, Long> acked = new ConcurrentHashMap<>();
    private final List<Long> delivered = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private volatile ChatSocket client;

    SimulatedUser(String name, long ticket, String token, int window) {
        this.name = name;
        this.ticket = ticket;
        this.token = token;
        this.window = new Semaphore(window);
    }

    long ticket() {
        return ticket;
    }

    /** Connects (again) and joins with the newest id seen, so the server replays what was missed. */
    void connect(int port) {
        int current = generation.incrementAndGet();
        ChatSocket previous = client;
        if (previous != null) {
            previous.drop();
        }
        client = ChatSocket.withBearer(port, token, event -> onEvent(current, event));
        client.join(ticket, lastDelivered());
    }

    /** Drops the connection without a close handshake. */
    void drop() {
        generation.incrementAndGet();
        client.drop();
    }

    ChatSocket client() {
        return client;
    }

    /**
     * Sends the next message once fewer than the window are unacknowledged.
     * @return false when no window slot freed up in time or the socket refused the frame
     */
    boolean sendNext(Duration patience) {
        try {
            if (!window.tryAcquire(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        String key = name + "-" + next.getAndIncrement();
        synchronized (this) {
            sent.add(key);
        }
        return trySend(key);
    }

    /** Resends everything not acknowledged, with the original keys. */
    void resendPending() {
        for (String key : pending()) {
            trySend(key);
        }
    }

    private boolean trySend(String key) {
        try {
            client.send(ChatSocket.sendMessage(ticket, "message " + key, key));
            return true;
        } catch (RuntimeException socketGone) {
            return false;
        }
    }

    private void onEvent(int fromGeneration, JsonNode event) {
        if (fromGeneration != generation.get()) {
            return;
        }
        switch (event.path("type").asString("")) {
            case "NEW_MESSAGE" -> {
                if (event.path("ticketId").asLong() == ticket) {
                    synchronized (this) {
                        delivered.add(event.path("messageId").asLong());
                    }
                }
            }
            case "MESSAGE_ACK" -> {
                if (acked.put(event.path("clientMessageId").asString(), event.path("messageId").asLong()) == null) {
                    window.release();
                }
            }
            default -> {
            }
        }
    }

    synchronized Long lastDelivered() {
        return delivered.isEmpty() ? 0L : delivered.getLast();
    }

    synchronized List<Long> delivered() {
        return List.copyOf(delivered);
    }

    synchronized List<String> sent() {
        return List.copyOf(sent);
    }

    Map<String, Long> acked() {
        return Map.copyOf(acked);
    }

    synchronized List<String> pending() {
        return sent.stream().filter(key -> !acked.containsKey(key)).toList();
    }

    void close() {
        generation.incrementAndGet();
        if (client != null) {
            client.close();
        }
    }
}
