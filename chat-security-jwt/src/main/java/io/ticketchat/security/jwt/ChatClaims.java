package io.ticketchat.security.jwt;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.domain.DisplayName;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.UserId;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** The chat's claims ({@code sub}, {@code user_type}, {@code name}, {@code ticket_ids}) read as a {@link Caller}. */
final class ChatClaims {

    static final String USER_TYPE = "user_type";
    static final String NAME = "name";
    static final String TICKET_IDS = "ticket_ids";

    /** Compiled once: the claims are read on every request and every socket frame. */
    private static final Pattern DECIMAL_ID = Pattern.compile("[0-9]{1,10}");

    private ChatClaims() {
    }

    /** @throws IllegalArgumentException naming the claim that is missing or malformed */
    static Caller toCaller(Jwt jwt) {
        return new Caller(userId(jwt.getSubject()), userType(jwt.getClaim(USER_TYPE)),
                displayName(jwt.getClaim(NAME)), ticketIds(jwt.getClaim(TICKET_IDS)));
    }

    private static UserId userId(String subject) {
        if (subject == null || !DECIMAL_ID.matcher(subject).matches()) {
            throw new IllegalArgumentException("claim sub must be a decimal user id");
        }
        try {
            return UserId.of(Long.parseLong(subject));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("claim sub must be a positive 32-bit user id", e);
        }
    }

    private static ParticipantType userType(Object claim) {
        if ("agent".equals(claim)) {
            return ParticipantType.AGENT;
        }
        if ("customer".equals(claim)) {
            return ParticipantType.CUSTOMER;
        }
        throw new IllegalArgumentException("claim user_type must be agent or customer");
    }

    private static DisplayName displayName(Object claim) {
        if (!(claim instanceof String name)) {
            throw new IllegalArgumentException("claim name must be a string");
        }
        try {
            return DisplayName.of(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("claim name is not a valid display name", e);
        }
    }

    private static Set<TicketId> ticketIds(Object claim) {
        if (claim == null) {
            return Set.of();
        }
        if (!(claim instanceof Collection<?> values)) {
            throw new IllegalArgumentException("claim ticket_ids must be an array of ticket ids");
        }
        Set<TicketId> tickets = new HashSet<>();
        for (Object value : values) {
            tickets.add(ticketId(value));
        }
        return tickets;
    }

    private static TicketId ticketId(Object value) {
        // Nimbus hands JSON integers over as Long; anything else (strings, fractions, huge numbers) is refused.
        if (!(value instanceof Long id)) {
            throw new IllegalArgumentException("claim ticket_ids must contain integers only");
        }
        try {
            return TicketId.of(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("claim ticket_ids must contain positive 32-bit ticket ids", e);
        }
    }
}
