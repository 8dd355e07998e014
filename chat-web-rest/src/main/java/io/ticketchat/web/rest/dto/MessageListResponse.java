package io.ticketchat.web.rest.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import io.ticketchat.application.port.in.MessagePage;
import io.ticketchat.web.rest.ChatJsonBody;

import java.util.List;

/** The guide's answer to {@code GET /api/chat/messages/:ticketId}, plus the {@code paging} block. */
@Schema(name = "MessageListResponse")
public record MessageListResponse(
        @Schema(example = "true") boolean success,
        @Schema(description = "Messages oldest first") List<ChatMessageJson> data,
        TicketJson ticket,
        PagingJson paging) implements ChatJsonBody {

    public static MessageListResponse of(MessagePage page, int limit) {
        List<ChatMessageJson> messages = page.messages().stream().map(ChatMessageJson::of).toList();
        return new MessageListResponse(true, messages, TicketJson.of(page.ticket()), PagingJson.of(page, limit));
    }
}
