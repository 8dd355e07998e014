package io.ticketchat.domain;

/** The host's ticket a conversation belongs to. */
public record TicketId(long value) {

    public TicketId {
        if (value <= 0 || value > Integer.MAX_VALUE) {
            throw new DomainValidationException("ticketId", "must be a positive 32-bit integer");
        }
    }

    public static TicketId of(long value) {
        return new TicketId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
