package io.ticketchat.web.rest;

import io.ticketchat.application.port.in.MessagePageRequest;
import io.ticketchat.domain.DomainValidationException;
import io.ticketchat.domain.MessageId;
import io.ticketchat.domain.MessageType;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.SenderType;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.UserId;

import java.util.Locale;

/**
 * Parses the guide's wire values. Failures are {@link DomainValidationException}s whose reason
 * {@link RequestFields} files under the field's wire name (the field given here is a placeholder).
 */
final class WireParsers {

    private static final String FIELD = "value";

    private WireParsers() {
    }

    static TicketId ticketId(String text) {
        return TicketId.of(positiveNumber(text));
    }

    static MessageId messageId(String text) {
        return MessageId.of(positiveNumber(text));
    }

    /** A message id, or 0 for "before the first message". */
    static long messageCursor(String text) {
        return "0".equals(text) ? 0 : positiveNumber(text);
    }

    static long userId(Long value) {
        return UserId.of(value).value();
    }

    static int limit(String text) {
        long limit = positiveNumber(text);
        if (limit > MessagePageRequest.MAX_LIMIT) {
            throw new DomainValidationException(FIELD, "must be between 1 and " + MessagePageRequest.MAX_LIMIT);
        }
        return (int) limit;
    }

    static ParticipantType participantType(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "agent" -> ParticipantType.AGENT;
            case "customer" -> ParticipantType.CUSTOMER;
            default -> throw new DomainValidationException(FIELD, "must be agent or customer");
        };
    }

    static SenderType senderType(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "agent" -> SenderType.AGENT;
            case "customer" -> SenderType.CUSTOMER;
            case "system" -> SenderType.SYSTEM;
            default -> throw new DomainValidationException(FIELD, "must be agent or customer");
        };
    }

    /** Clients write text; the guide's other types come from the server side. */
    static MessageType clientMessageType(String text) {
        if (!text.equalsIgnoreCase("text")) {
            throw new DomainValidationException(FIELD, "clients may only send text messages");
        }
        return MessageType.TEXT;
    }

    private static long positiveNumber(String text) {
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new DomainValidationException(FIELD, "must be a positive integer");
        }
        long value = Long.parseLong(text);
        if (value < 1) {
            throw new DomainValidationException(FIELD, "must be a positive integer");
        }
        return value;
    }
}
