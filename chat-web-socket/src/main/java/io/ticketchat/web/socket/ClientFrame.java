package io.ticketchat.web.socket;

import io.ticketchat.domain.ClientMessageId;
import io.ticketchat.domain.DomainValidationException;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.TicketId;
import tools.jackson.databind.JsonNode;

/**
 * One parsed client frame with typed, checked access to its fields. Absent and {@code null} fields
 * are the same thing; a field of the wrong type is an {@link InvalidFrameException} naming it.
 * Ids may come as JSON integers or as strings of digits, which older front ends send from URLs.
 */
final class ClientFrame {

    private static final int MAX_ID_DIGITS = 18;

    private final JsonNode root;

    ClientFrame(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new InvalidFrameException(null, "a frame must be a JSON object");
        }
        this.root = root;
    }

    String type() {
        return requiredString("type");
    }

    TicketId ticketId() {
        Long id = optionalId("ticketId");
        if (id == null) {
            throw new InvalidFrameException("ticketId", "ticketId is required");
        }
        return TicketId.of(id);
    }

    /** A non-negative integer id, or {@code null} when absent. */
    Long optionalId(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        long value;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            value = node.longValue();
        } else if (node.isString() && isDigits(node.stringValue())) {
            value = Long.parseLong(node.stringValue());
        } else {
            throw new InvalidFrameException(field, field + " must be an integer");
        }
        if (value < 0) {
            throw new InvalidFrameException(field, field + " must not be negative");
        }
        return value;
    }

    String requiredString(String field) {
        String value = optionalString(field);
        if (value == null) {
            throw new InvalidFrameException(field, field + " is required");
        }
        return value;
    }

    String optionalString(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new InvalidFrameException(field, field + " must be a string");
        }
        return node.stringValue();
    }

    ParticipantType optionalUserType() {
        String value = optionalString("userType");
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "agent" -> ParticipantType.AGENT;
            case "customer" -> ParticipantType.CUSTOMER;
            default -> throw new InvalidFrameException("userType", "userType must be agent or customer");
        };
    }

    /** The request's {@code clientMessageId} to echo in an error, only if it is a valid one. */
    String clientMessageIdForErrors() {
        JsonNode node = root.get("clientMessageId");
        if (node == null || !node.isString()) {
            return null;
        }
        try {
            return ClientMessageId.of(node.stringValue()).value();
        } catch (DomainValidationException invalid) {
            return null;
        }
    }

    Long ticketIdForErrors() {
        JsonNode node = root.get("ticketId");
        if (node != null && node.isIntegralNumber() && node.canConvertToLong() && node.longValue() > 0) {
            return node.longValue();
        }
        return null;
    }

    /** Echoed so a client can tell which request failed; only if it looks like an event name. */
    String typeForErrors() {
        JsonNode node = root.get("type");
        if (node == null || !node.isString()) {
            return null;
        }
        String value = node.stringValue();
        return value.length() <= 32 && value.chars().allMatch(c -> c == '_' || (c >= 'A' && c <= 'Z'))
                ? value : null;
    }

    private static boolean isDigits(String value) {
        if (value.isEmpty() || value.length() > MAX_ID_DIGITS) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
