package io.ticketchat.web.rest.dto.archfixture;

import io.ticketchat.domain.TicketId;

/** Deliberately carries a domain type in a DTO, so the rule can be seen to fail. */
public record ResponseWithDomainField(TicketId ticketId) {
}
