package io.ticketchat.web.rest.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import io.ticketchat.web.rest.ChatJsonBody;

/** The guide's body for {@code POST /api/chat/session}; identity fields are claims. */
@Schema(name = "OpenSessionRequest")
public record OpenSessionRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1") Long ticketId,
        @Schema(description = "Claim; must be the caller's own id", example = "1") Long userId,
        @Schema(description = "Claim; must be the caller's own type", allowableValues = {"agent", "customer"}) String userType,
        @Schema(description = "Claim; must be the caller's own name", example = "Agent Smith") String userName)
        implements ChatJsonBody {
}
