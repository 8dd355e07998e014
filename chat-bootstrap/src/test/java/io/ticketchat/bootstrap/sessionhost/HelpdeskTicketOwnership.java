package io.ticketchat.bootstrap.sessionhost;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.port.out.TicketAccessPolicy;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.TicketId;
import org.springframework.jdbc.core.JdbcTemplate;

/** Agents work on every ticket; a customer on the tickets the host's table says are theirs. */
class HelpdeskTicketOwnership implements TicketAccessPolicy {

    private final JdbcTemplate jdbc;

    HelpdeskTicketOwnership(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean mayAccess(Caller caller, TicketId ticketId) {
        if (caller.type() == ParticipantType.AGENT) {
            return true;
        }
        Integer owned = jdbc.queryForObject("SELECT COUNT(*) FROM tickets WHERE id = ? AND customer_id = ?",
                Integer.class, ticketId.value(), caller.userId().value());
        return owned != null && owned > 0;
    }
}
