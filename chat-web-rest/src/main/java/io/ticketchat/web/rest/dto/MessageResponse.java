package io.ticketchat.web.rest.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import io.ticketchat.web.rest.ChatJsonBody;

/** The guide's answer to {@code POST /api/chat/messages}; {@code data} carries the whole row. */
@Schema(name = "MessageResponse")
public record MessageResponse(
        @Schema(example = "true") boolean success,
        @Schema(example = "Chat message added successfully") String message,
        ChatMessageJson data) implements ChatJsonBody {

    public static MessageResponse added(ChatMessageJson message) {
        return new MessageResponse(true, "Chat message added successfully", message);
    }

    public static MessageResponse alreadyAdded(ChatMessageJson message) {
        return new MessageResponse(true, "Chat message already added", message);
    }
}
