package io.ticketchat.web.rest.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.ticketchat.web.rest.ChatJsonBody;

/** The guide's body for {@code PUT /api/chat/typing}; identity fields are claims. */
@Schema(name = "TypingRequest")
public record TypingRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "session_1_1234567890") String sessionId,
        @Schema(description = "Claim; must be the caller's own id", example = "1") Long userId,
        @Schema(description = "Claim; must be the caller's own type", allowableValues = {"agent", "customer"}) String userType,
        @JsonProperty("isTyping") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "true") Boolean isTyping)
        implements ChatJsonBody {
}
