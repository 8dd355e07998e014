package io.ticketchat.domain;

/** The public key of a chat session, shaped like the guide's {@code session_1_1234567890}. */
public record SessionId(String value) {

    public static final int MAX_LENGTH = 100;

    public SessionId {
        TextRules.requireStorable("sessionId", value);
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new DomainValidationException("sessionId", "must be 1 to " + MAX_LENGTH + " characters");
        }
    }

    public static SessionId of(String value) {
        return new SessionId(value);
    }

    /** The guide's format: the ticket and the opening instant in epoch milliseconds. */
    public static SessionId forTicket(TicketId ticketId, java.time.Instant openedAt) {
        return new SessionId("session_" + ticketId.value() + "_" + openedAt.toEpochMilli());
    }

    @Override
    public String toString() {
        return value;
    }
}
