package io.ticketchat.bench.baseline;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rooms in memory: JOIN_TICKET answers JOINED_ROOM, SEND_MESSAGE answers MESSAGE_ACK and sends the
 * chat's NEW_MESSAGE shape to every socket of the room. The sender id comes from the handshake's
 * {@code user} query parameter (nothing is authenticated here).
 */
final class FanoutHandler extends TextWebSocketHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int SEND_BUFFER_BYTES = 512 * 1024;

    private final Map<Long, Set<WebSocketSession>> rooms = new ConcurrentHashMap<>();
    private final Map<String, WebSocketSession> outboxes = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        outboxes.put(session.getId(), new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, SEND_BUFFER_BYTES));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        WebSocketSession out = outboxes.get(session.getId());
        JsonNode event = JSON.readTree(message.getPayload());
        long ticketId = event.path("ticketId").asLong();
        switch (event.path("type").asString()) {
            case "JOIN_TICKET" -> {
                rooms.computeIfAbsent(ticketId, t -> ConcurrentHashMap.newKeySet()).add(out);
                out.sendMessage(new TextMessage("{\"type\":\"JOINED_ROOM\",\"ticketId\":" + ticketId + ",\"latestMessageId\":null}"));
            }
            case "SEND_MESSAGE" -> send(out, ticketId, event);
            default -> { }
        }
    }

    private void send(WebSocketSession sender, long ticketId, JsonNode event) throws IOException {
        long id = ids.incrementAndGet();
        String now = Instant.now().toString();
        String clientMessageId = event.path("clientMessageId").asString(null);
        ObjectNode ack = JSON.createObjectNode().put("type", "MESSAGE_ACK").put("ticketId", ticketId)
                .put("clientMessageId", clientMessageId).put("messageId", id).put("timestamp", now);
        ObjectNode posted = JSON.createObjectNode().put("type", "NEW_MESSAGE").put("ticketId", ticketId)
                .put("message", event.path("message").asString()).put("userType", "agent").put("agentName", "Fan-out")
                .putNull("customerName").put("messageId", id).put("timestamp", now).put("clientMessageId", clientMessageId)
                .put("senderId", userId(sender)).put("senderName", "Fan-out").put("messageType", "text").putNull("parentMessageId");
        sender.sendMessage(new TextMessage(JSON.writeValueAsString(ack)));
        TextMessage frame = new TextMessage(JSON.writeValueAsString(posted));
        for (WebSocketSession member : rooms.getOrDefault(ticketId, Set.of())) {
            member.sendMessage(frame);
        }
    }

    private static long userId(WebSocketSession session) {
        String query = session.getUri() == null ? null : session.getUri().getQuery();
        return query != null && query.startsWith("user=") ? Long.parseLong(query.substring(5)) : 0;
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        WebSocketSession out = outboxes.remove(session.getId());
        rooms.values().forEach(room -> room.remove(out));
    }
}
