package io.ticketchat.application.port.in;

import io.ticketchat.domain.MessageId;
import io.ticketchat.domain.TicketSummary;

/**
 * @param missed       the first page of messages after the client's {@code lastMessageId}, or
 *                     {@code null} when it asked for no replay
 * @param latestMessageId the ticket's newest message when the caller joined, or {@code null} if none
 */
public record RoomEntry(TicketSummary ticket, MessagePage missed, MessageId latestMessageId) {
}
