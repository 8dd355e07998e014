package io.ticketchat.web.rest.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import io.ticketchat.web.rest.ChatJsonBody;

/**
 * The guide's body for {@code POST /api/chat/messages}, plus the optional {@code clientMessageId}.
 * Identity fields are claims checked against the authenticated caller.
 */
@Schema(name = "PostMessageRequest")
public record PostMessageRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1") Long ticketId,
        @Schema(description = "Claim; must be the caller's own type", allowableValues = {"agent", "customer"}) String senderType,
        @Schema(description = "Claim; must be the caller's own id", example = "1") Long senderId,
        @Schema(description = "Claim; must be the caller's own name", example = "Agent Smith") String senderName,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "1 to 10,000 characters after trimming, no NUL",
                example = "Hello! How can I help you?") String message,
        @Schema(description = "Only text may be sent by clients", allowableValues = {"text"}, defaultValue = "text") String messageType,
        @Schema(nullable = true, description = "A message of the same ticket this one replies to") Long parentMessageId,
        @Schema(nullable = true, description = "Idempotency key: 1 to 64 printable ASCII characters", example = "c-7f3a9")
        String clientMessageId) implements ChatJsonBody {
}
