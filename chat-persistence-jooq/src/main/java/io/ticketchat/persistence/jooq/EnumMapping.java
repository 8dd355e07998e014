package io.ticketchat.persistence.jooq;

import io.ticketchat.domain.ChatSessionStatus;
import io.ticketchat.domain.MessageType;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.SenderType;
import io.ticketchat.persistence.jooq.generated.enums.ChatMessagesMessageType;
import io.ticketchat.persistence.jooq.generated.enums.ChatMessagesSenderType;
import io.ticketchat.persistence.jooq.generated.enums.ChatParticipantsUserType;
import io.ticketchat.persistence.jooq.generated.enums.ChatSessionsStatus;

/**
 * Database enums to domain enums and back. Exhaustive switches without a default: a value added on
 * either side breaks the build here instead of being mapped by name at run time.
 */
final class EnumMapping {

    private EnumMapping() {
    }

    static ChatMessagesSenderType toColumn(SenderType type) {
        return switch (type) {
            case AGENT -> ChatMessagesSenderType.agent;
            case CUSTOMER -> ChatMessagesSenderType.customer;
            case SYSTEM -> ChatMessagesSenderType.system;
        };
    }

    static SenderType toDomain(ChatMessagesSenderType type) {
        return switch (type) {
            case agent -> SenderType.AGENT;
            case customer -> SenderType.CUSTOMER;
            case system -> SenderType.SYSTEM;
        };
    }

    static ChatMessagesMessageType toColumn(MessageType type) {
        return switch (type) {
            case TEXT -> ChatMessagesMessageType.text;
            case SYSTEM -> ChatMessagesMessageType.system;
            case STATUS_UPDATE -> ChatMessagesMessageType.status_update;
        };
    }

    static MessageType toDomain(ChatMessagesMessageType type) {
        return switch (type) {
            case text -> MessageType.TEXT;
            case system -> MessageType.SYSTEM;
            case status_update -> MessageType.STATUS_UPDATE;
            // The guide's enum keeps this value, but typing is ephemeral and never stored by the chat.
            case typing_indicator -> throw new IllegalStateException("typing indicators are not stored messages");
        };
    }

    static ChatParticipantsUserType toColumn(ParticipantType type) {
        return switch (type) {
            case AGENT -> ChatParticipantsUserType.agent;
            case CUSTOMER -> ChatParticipantsUserType.customer;
        };
    }

    static ParticipantType toDomain(ChatParticipantsUserType type) {
        return switch (type) {
            case agent -> ParticipantType.AGENT;
            case customer -> ParticipantType.CUSTOMER;
        };
    }

    static ChatSessionsStatus toColumn(ChatSessionStatus status) {
        return switch (status) {
            case ACTIVE -> ChatSessionsStatus.active;
            case PAUSED -> ChatSessionsStatus.paused;
            case CLOSED -> ChatSessionsStatus.closed;
        };
    }

    static ChatSessionStatus toDomain(ChatSessionsStatus status) {
        return switch (status) {
            case active -> ChatSessionStatus.ACTIVE;
            case paused -> ChatSessionStatus.PAUSED;
            case closed -> ChatSessionStatus.CLOSED;
        };
    }
}
