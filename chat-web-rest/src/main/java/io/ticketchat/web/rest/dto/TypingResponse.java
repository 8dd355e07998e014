package io.ticketchat.web.rest.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.ticketchat.web.rest.ChatJsonBody;

/** Answer to a typing update (the guide leaves it open). */
@Schema(name = "TypingResponse")
public record TypingResponse(
        @Schema(example = "true") boolean success,
        @Schema(example = "Typing status updated") String message,
        Data data) implements ChatJsonBody {

    @Schema(name = "TypingStatus")
    public record Data(@Schema(example = "session_1_1234567890") String sessionId, @JsonProperty("isTyping") boolean isTyping) {
    }

    public static TypingResponse of(String sessionId, boolean typing) {
        return new TypingResponse(true, "Typing status updated", new Data(sessionId, typing));
    }
}
