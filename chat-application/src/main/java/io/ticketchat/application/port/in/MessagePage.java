package io.ticketchat.application.port.in;

import io.ticketchat.domain.Message;
import io.ticketchat.domain.TicketSummary;

import java.util.List;

/**
 * Messages oldest first.
 *
 * @param hasMore whether more messages lie beyond this page in the direction it was read
 */
public record MessagePage(TicketSummary ticket, List<Message> messages, boolean hasMore) {

    public MessagePage {
        messages = List.copyOf(messages);
    }
}
