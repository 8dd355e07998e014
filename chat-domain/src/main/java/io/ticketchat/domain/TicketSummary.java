package io.ticketchat.domain;

import java.util.Objects;

/** What the chat needs to know of a host's ticket: who the customer is and what it is about. */
public record TicketSummary(TicketId id, String customerName, String issueTitle) {

    public TicketSummary {
        Objects.requireNonNull(id, "id");
    }
}
