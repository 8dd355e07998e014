package io.ticketchat.web.rest.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.ticketchat.domain.Message;
import io.ticketchat.web.rest.Timestamps;

/** A row of the guide's {@code chat_messages} table, plus the sender's idempotency key. */
@Schema(name = "ChatMessage", description = "A stored chat message, one row of the guide's chat_messages table")
public record ChatMessageJson(
        long id,
        @JsonProperty("ticket_id") long ticketId,
        @Schema(allowableValues = {"agent", "customer", "system"}) @JsonProperty("sender_type") String senderType,
        @Schema(nullable = true) @JsonProperty("sender_id") Long senderId,
        @JsonProperty("sender_name") String senderName,
        @Schema(description = "Exactly as sent; clients must escape it when rendering") String message,
        @Schema(allowableValues = {"text", "system", "status_update"}) @JsonProperty("message_type") String messageType,
        @JsonProperty("is_read") boolean isRead,
        @Schema(nullable = true, example = "2024-01-15T10:31:00.000Z") @JsonProperty("read_at") String readAt,
        @JsonProperty("is_edited") boolean isEdited,
        @Schema(nullable = true) @JsonProperty("edited_at") String editedAt,
        @Schema(nullable = true) @JsonProperty("parent_message_id") Long parentMessageId,
        @Schema(example = "2024-01-15T10:30:00.000Z") @JsonProperty("created_at") String createdAt,
        @Schema(example = "2024-01-15T10:30:00.000Z") @JsonProperty("updated_at") String updatedAt,
        @Schema(nullable = true, description = "The sender's idempotency key, when one was given")
        @JsonProperty("client_message_id") String clientMessageId) {

    public static ChatMessageJson of(Message message) {
        return new ChatMessageJson(
                message.id().value(),
                message.ticketId().value(),
                WireValues.senderType(message.sender().type()),
                message.sender().userId() == null ? null : message.sender().userId().value(),
                message.sender().name().value(),
                message.text().value(),
                WireValues.messageType(message.type()),
                message.isRead(),
                Timestamps.format(message.readAt()),
                message.isEdited(),
                Timestamps.format(message.editedAt()),
                message.parentId() == null ? null : message.parentId().value(),
                Timestamps.format(message.createdAt()),
                Timestamps.format(message.updatedAt()),
                message.clientMessageId() == null ? null : message.clientMessageId().value());
    }
}
