package io.ticketchat.web.rest.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import io.ticketchat.application.port.out.WebSocketTicket;
import io.ticketchat.web.rest.ChatJsonBody;
import io.ticketchat.web.rest.Timestamps;

/** {@code {"success": true, "data": {"ticket", "expiresAt"}}}: a single-use pass for one socket handshake. */
@Schema(name = "WebSocketTicketResponse")
public record WebSocketTicketResponse(@Schema(example = "true") boolean success, Data data) implements ChatJsonBody {

    @Schema(name = "WebSocketTicket")
    public record Data(@Schema(description = "Spend it once, within 30 seconds, on /ws/chat?ticket=",
                               example = "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2Fs") String ticket,
                       @Schema(example = "2024-01-15T10:30:30.000Z") String expiresAt) {
    }

    public static WebSocketTicketResponse of(WebSocketTicket ticket) {
        return new WebSocketTicketResponse(true, new Data(ticket.value(), Timestamps.format(ticket.expiresAt())));
    }
}
