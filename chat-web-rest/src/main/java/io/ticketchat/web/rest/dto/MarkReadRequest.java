package io.ticketchat.web.rest.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import io.ticketchat.web.rest.ChatJsonBody;

/** The guide's body for {@code PUT /api/chat/messages/read/:ticketId}; both fields are optional claims. */
@Schema(name = "MarkReadRequest")
public record MarkReadRequest(
        @Schema(description = "Claim; must be the caller's own id", example = "1") Long userId,
        @Schema(description = "Claim; must be the caller's own type", allowableValues = {"agent", "customer"}) String userType)
        implements ChatJsonBody {
}
