package io.ticketchat.web.socket;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the WebSocket adapter lets an operator tune. The bootstrap maps {@code chat.websocket.*}
 * onto it; {@link #defaults()} is what a host gets without saying anything.
 *
 * @param path                   where the endpoint listens
 * @param allowedOrigins         {@code Origin}s allowed to open a socket; empty means same origin only
 * @param maxTextMessageSize     largest inbound text frame in characters; larger ones close the socket with 1009
 * @param sendBufferLimitBytes   bytes that may wait for one slow client before it is cut off
 * @param sendTimeLimit          how long one write to a client may take before it is cut off
 * @param pingInterval           how often the server pings every socket
 * @param idleTimeout            a socket that sent nothing (not even a pong) for this long is closed
 * @param maxSocketsPerPrincipal open sockets one person may hold at once
 * @param maxRoomsPerSocket      tickets one socket may have joined at once
 * @param typingMinInterval      {@code TYPING} frames closer together than this are dropped silently
 * @param catchUpPageSize        messages read per page while replaying what a client missed
 */
public record ChatWebSocketSettings(
        String path,
        List<String> allowedOrigins,
        int maxTextMessageSize,
        int sendBufferLimitBytes,
        Duration sendTimeLimit,
        Duration pingInterval,
        Duration idleTimeout,
        int maxSocketsPerPrincipal,
        int maxRoomsPerSocket,
        Duration typingMinInterval,
        int catchUpPageSize) {

    public static final int DEFAULT_MAX_TEXT_MESSAGE_SIZE = 128 * 1024;

    public ChatWebSocketSettings {
        Objects.requireNonNull(path, "path");
        allowedOrigins = List.copyOf(allowedOrigins);
        requirePositive("maxTextMessageSize", maxTextMessageSize);
        requirePositive("sendBufferLimitBytes", sendBufferLimitBytes);
        requirePositive("sendTimeLimit", sendTimeLimit);
        requirePositive("pingInterval", pingInterval);
        requirePositive("idleTimeout", idleTimeout);
        requirePositive("maxSocketsPerPrincipal", maxSocketsPerPrincipal);
        requirePositive("maxRoomsPerSocket", maxRoomsPerSocket);
        Objects.requireNonNull(typingMinInterval, "typingMinInterval");
        if (catchUpPageSize < 1 || catchUpPageSize > 500) {
            throw new IllegalArgumentException("catchUpPageSize must be between 1 and 500");
        }
        if (idleTimeout.compareTo(pingInterval) <= 0) {
            throw new IllegalArgumentException("idleTimeout must be longer than pingInterval, or live sockets get closed");
        }
    }

    public static ChatWebSocketSettings defaults() {
        return new ChatWebSocketSettings("/ws/chat", List.of(), DEFAULT_MAX_TEXT_MESSAGE_SIZE, 512 * 1024,
                Duration.ofSeconds(10), Duration.ofSeconds(25), Duration.ofSeconds(60), 10, 50,
                Duration.ofMillis(1000), 200);
    }

    public ChatWebSocketSettings withSendLimits(int bufferLimitBytes, Duration timeLimit) {
        return new ChatWebSocketSettings(path, allowedOrigins, maxTextMessageSize, bufferLimitBytes, timeLimit,
                pingInterval, idleTimeout, maxSocketsPerPrincipal, maxRoomsPerSocket, typingMinInterval, catchUpPageSize);
    }

    public ChatWebSocketSettings withHeartbeat(Duration ping, Duration idle) {
        return new ChatWebSocketSettings(path, allowedOrigins, maxTextMessageSize, sendBufferLimitBytes, sendTimeLimit,
                ping, idle, maxSocketsPerPrincipal, maxRoomsPerSocket, typingMinInterval, catchUpPageSize);
    }

    public ChatWebSocketSettings withLimits(int maxSockets, int maxRooms, int pageSize) {
        return new ChatWebSocketSettings(path, allowedOrigins, maxTextMessageSize, sendBufferLimitBytes, sendTimeLimit,
                pingInterval, idleTimeout, maxSockets, maxRooms, typingMinInterval, pageSize);
    }

    public ChatWebSocketSettings withMaxTextMessageSize(int characters) {
        return new ChatWebSocketSettings(path, allowedOrigins, characters, sendBufferLimitBytes, sendTimeLimit,
                pingInterval, idleTimeout, maxSocketsPerPrincipal, maxRoomsPerSocket, typingMinInterval, catchUpPageSize);
    }

    public ChatWebSocketSettings withAllowedOrigins(List<String> origins) {
        return new ChatWebSocketSettings(path, origins, maxTextMessageSize, sendBufferLimitBytes, sendTimeLimit,
                pingInterval, idleTimeout, maxSocketsPerPrincipal, maxRoomsPerSocket, typingMinInterval, catchUpPageSize);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
