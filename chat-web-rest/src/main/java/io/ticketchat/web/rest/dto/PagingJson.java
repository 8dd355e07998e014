package io.ticketchat.web.rest.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import io.ticketchat.application.port.in.MessagePage;
import io.ticketchat.domain.Message;

import java.util.List;

/**
 * Where a page of history sits. To scroll back ask again with {@code beforeId=oldestId}; to catch up
 * ask with {@code afterId=newestId}.
 */
@Schema(name = "Paging", description = "Addition to the guide: where this page of history sits")
public record PagingJson(
        @Schema(description = "Whether more messages lie beyond this page in the direction it was read (older without afterId, newer with it)")
        boolean hasMore,
        @Schema(description = "The page size that was applied", example = "100") int limit,
        @Schema(nullable = true, description = "Id of the oldest message in data") Long oldestId,
        @Schema(nullable = true, description = "Id of the newest message in data") Long newestId) {

    public static PagingJson of(MessagePage page, int limit) {
        List<Message> messages = page.messages();
        Long oldest = messages.isEmpty() ? null : messages.getFirst().id().value();
        Long newest = messages.isEmpty() ? null : messages.getLast().id().value();
        return new PagingJson(page.hasMore(), limit, oldest, newest);
    }
}
