package io.ticketchat.web.rest.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.ticketchat.application.port.in.SessionMembership;
import io.ticketchat.domain.ChatSession;
import io.ticketchat.domain.Participant;
import io.ticketchat.domain.UserId;
import io.ticketchat.web.rest.ChatJsonBody;
import io.ticketchat.web.rest.Timestamps;

/**
 * Answer to creating or joining a session (the guide leaves it open): the {@code chat_sessions} row in
 * snake_case like message rows, the caller's participant row, and {@code sessionId} in the camelCase
 * that {@code PUT /api/chat/typing} expects back.
 */
@Schema(name = "SessionResponse")
public record SessionResponse(
        @Schema(example = "true") boolean success,
        @Schema(example = "Chat session created") String message,
        Data data) implements ChatJsonBody {

    @Schema(name = "ChatSession")
    public record Data(
            @Schema(example = "session_1_1705314600000") String sessionId,
            @JsonProperty("session_id") @Schema(example = "session_1_1705314600000") String sessionIdColumn,
            @JsonProperty("ticket_id") long ticketId,
            @JsonProperty("agent_id") @Schema(nullable = true) Long agentId,
            @JsonProperty("customer_id") @Schema(nullable = true) Long customerId,
            @Schema(allowableValues = {"active", "paused", "closed"}) String status,
            @JsonProperty("started_at") String startedAt,
            @JsonProperty("ended_at") @Schema(nullable = true) String endedAt,
            @JsonProperty("last_activity_at") String lastActivityAt,
            @Schema(description = "Whether this call opened the session rather than joining an open one") boolean created,
            ParticipantJson participant) {
    }

    @Schema(name = "ChatParticipant")
    public record ParticipantJson(
            @JsonProperty("user_id") long userId,
            @JsonProperty("user_type") @Schema(allowableValues = {"agent", "customer"}) String userType,
            @JsonProperty("user_name") String userName,
            @JsonProperty("joined_at") String joinedAt) {
    }

    public static SessionResponse of(SessionMembership membership) {
        ChatSession session = membership.session();
        Participant participant = membership.participant();
        Data data = new Data(session.sessionId().value(), session.sessionId().value(), session.ticketId().value(),
                idOrNull(session.agentId()), idOrNull(session.customerId()), session.status().name().toLowerCase(),
                Timestamps.format(session.startedAt()), Timestamps.format(session.endedAt()),
                Timestamps.format(session.lastActivityAt()), membership.sessionCreated(),
                new ParticipantJson(participant.userId().value(), WireValues.participantType(participant.type()),
                        participant.name().value(), Timestamps.format(participant.joinedAt())));
        String message = membership.sessionCreated() ? "Chat session created" : "Joined chat session";
        return new SessionResponse(true, message, data);
    }

    private static Long idOrNull(UserId id) {
        return id == null ? null : id.value();
    }
}
