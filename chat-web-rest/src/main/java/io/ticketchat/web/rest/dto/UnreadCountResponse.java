package io.ticketchat.web.rest.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import io.ticketchat.web.rest.ChatJsonBody;

/** The guide's answer to {@code GET /api/chat/unread/:ticketId/:userType}. */
@Schema(name = "UnreadCountResponse")
public record UnreadCountResponse(@Schema(example = "true") boolean success, Data data) implements ChatJsonBody {

    @Schema(name = "UnreadCount")
    public record Data(@Schema(example = "5") long unreadCount) {
    }

    public static UnreadCountResponse of(long count) {
        return new UnreadCountResponse(true, new Data(count));
    }
}
