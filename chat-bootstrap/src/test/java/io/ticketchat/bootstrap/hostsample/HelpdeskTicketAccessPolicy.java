package io.ticketchat.bootstrap.hostsample;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.port.out.TicketAccessPolicy;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.TicketId;
import org.springframework.jdbc.core.JdbcTemplate;

/** Agents take part in every ticket; a customer only in the tickets the host's table says are theirs. */
class HelpdeskTicketAccessPolicy implements TicketAccessPolicy {

    private final JdbcTemplate jdbc;

    HelpdeskTicketAccessPolicy(JdbcTemplate jdbc) {
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
