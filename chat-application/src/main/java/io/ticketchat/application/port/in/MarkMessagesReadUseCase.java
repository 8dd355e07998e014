package io.ticketchat.application.port.in;

/** Marks every unread message the other side wrote on a ticket as read by the caller's side. */
public interface MarkMessagesReadUseCase {

    ReadReceipt markRead(MarkMessagesReadCommand command);
}
