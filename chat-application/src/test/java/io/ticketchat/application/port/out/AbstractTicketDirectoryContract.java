package io.ticketchat.application.port.out;

import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.TicketSummary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link TicketDirectory} must do: read the host's tickets, never invent one. */
public abstract class AbstractTicketDirectoryContract {

    protected abstract TicketDirectory directory();

    /** Stores a ticket the way the host would (outside the directory, which is read-only). */
    protected abstract TicketId hostTicket(String customerName, String issueTitle);

    @Test
    void aHostTicketIsFoundWithItsCustomerAndTitleAsStored() {
        TicketId ticket = hostTicket("Zoë 😀 O'Brien", "Printer <b>on</b> fire");

        assertThat(directory().find(ticket)).contains(new TicketSummary(ticket, "Zoë 😀 O'Brien", "Printer <b>on</b> fire"));
    }

    @Test
    void ticketsDoNotMixAndReadingChangesNothing() {
        TicketId first = hostTicket("John Doe", "Technical Issue");
        TicketId second = hostTicket("Jane Roe", "Billing");

        assertThat(directory().find(second)).contains(new TicketSummary(second, "Jane Roe", "Billing"));
        assertThat(directory().find(first)).contains(new TicketSummary(first, "John Doe", "Technical Issue"));
        assertThat(directory().find(first)).isEqualTo(directory().find(first));
    }

    @Test
    void aTicketTheHostDoesNotHaveIsEmpty() {
        hostTicket("John Doe", "Technical Issue");

        assertThat(directory().find(TicketId.of(Integer.MAX_VALUE))).isEmpty();
    }
}
