package io.ticketchat.web.rest.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.ticketchat.domain.TicketSummary;

/** The guide's {@code ticket} block: the ticket, its customer's name and its issue title. */
@Schema(name = "Ticket")
public record TicketJson(
        long id,
        @Schema(description = "The customer's name", example = "John Doe") String name,
        @JsonProperty("issue_title") @Schema(example = "Technical Issue") String issueTitle) {

    public static TicketJson of(TicketSummary ticket) {
        return new TicketJson(ticket.id().value(), ticket.customerName(), ticket.issueTitle());
    }
}
