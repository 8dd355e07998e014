package io.ticketchat.application.port.in;

import io.ticketchat.domain.DisplayName;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.Sender;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.UserId;

import java.util.Objects;
import java.util.Set;

/**
 * The authenticated person behind a request. Adapters build it from a verified token or from the
 * host's security context; nothing a client writes in a body can change it.
 *
 * @param grantedTickets tickets the credential names (a customer's {@code ticket_ids}); agents'
 *                       credentials usually name none and rely on the access policy
 */
public record Caller(UserId userId, ParticipantType type, DisplayName name, Set<TicketId> grantedTickets) {

    public Caller {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        grantedTickets = Set.copyOf(grantedTickets);
    }

    public static Caller agent(long userId, String name) {
        return new Caller(UserId.of(userId), ParticipantType.AGENT, DisplayName.of(name), Set.of());
    }

    public static Caller customer(long userId, String name, long... ticketIds) {
        Set<TicketId> tickets = java.util.Arrays.stream(ticketIds).mapToObj(TicketId::of).collect(java.util.stream.Collectors.toSet());
        return new Caller(UserId.of(userId), ParticipantType.CUSTOMER, DisplayName.of(name), tickets);
    }

    public Sender asSender() {
        return Sender.person(type, userId, name);
    }

    @Override
    public String toString() {
        return type.name().toLowerCase() + ":" + userId;
    }
}
