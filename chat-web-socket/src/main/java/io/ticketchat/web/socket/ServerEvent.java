package io.ticketchat.web.socket;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Every frame the server sends, shaped exactly as the guide and the contract name them. Fields the
 * guide shows as {@code null} (the other side's name, an absent {@code clientMessageId}) are written
 * as {@code null} rather than left out, because existing front ends read them that way.
 */
sealed interface ServerEvent {

    String type();

    @JsonPropertyOrder({"type", "ticketId", "userType", "message", "latestMessageId"})
    record JoinedRoom(String type, long ticketId, String userType, String message, Long latestMessageId)
            implements ServerEvent {
    }

    @JsonPropertyOrder({"type", "ticketId"})
    record LeftRoom(String type, long ticketId) implements ServerEvent {
    }

    /** {@code userType} is the sender's type; exactly one of the names is set unless the system wrote it. */
    @JsonPropertyOrder({"type", "ticketId", "message", "userType", "agentName", "customerName", "messageId",
            "timestamp", "clientMessageId", "senderId", "senderName", "messageType", "parentMessageId"})
    record NewMessage(String type, long ticketId, String message, String userType, String agentName,
                      String customerName, long messageId, String timestamp, String clientMessageId,
                      Long senderId, String senderName, String messageType, Long parentMessageId)
            implements ServerEvent {
    }

    @JsonPropertyOrder({"type", "ticketId", "clientMessageId", "messageId", "timestamp"})
    record MessageAck(String type, long ticketId, String clientMessageId, long messageId, String timestamp)
            implements ServerEvent {
    }

    @JsonPropertyOrder({"type", "ticketId", "userType", "agentName", "customerName", "userId"})
    record UserTyping(String type, long ticketId, String userType, String agentName, String customerName, long userId)
            implements ServerEvent {
    }

    @JsonPropertyOrder({"type", "ticketId", "userType", "userId"})
    record UserStoppedTyping(String type, long ticketId, String userType, long userId) implements ServerEvent {
    }

    @JsonPropertyOrder({"type", "ticketId", "userType", "upToMessageId", "readAt"})
    record MessagesRead(String type, long ticketId, String userType, long upToMessageId, String readAt)
            implements ServerEvent {
    }

    record Pong(String type) implements ServerEvent {
    }

    /** Optional parts are left out when they do not apply, unlike the guide's message events. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"type", "code", "message", "timestamp", "clientMessageId", "ticketId", "field", "requestType"})
    record Error(String type, ErrorCode code, String message, String timestamp, String clientMessageId,
                 Long ticketId, String field, String requestType) implements ServerEvent {
    }
}
