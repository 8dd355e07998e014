package io.ticketchat.application.port.in;

import io.ticketchat.domain.ClientMessageId;
import io.ticketchat.domain.MessageId;
import io.ticketchat.domain.MessageText;
import io.ticketchat.domain.MessageType;
import io.ticketchat.domain.TicketId;

import java.util.Objects;

/**
 * @param type            what the client asked for; clients may only send {@code TEXT}
 * @param parentId        the message replied to, or {@code null}
 * @param clientMessageId the idempotency key, or {@code null}
 */
public record PostMessageCommand(
        Caller caller,
        TicketId ticketId,
        MessageText text,
        MessageType type,
        MessageId parentId,
        ClientMessageId clientMessageId,
        IdentityClaim claim) {

    public PostMessageCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(text, "text");
        type = type == null ? MessageType.TEXT : type;
        claim = claim == null ? IdentityClaim.NONE : claim;
    }
}
