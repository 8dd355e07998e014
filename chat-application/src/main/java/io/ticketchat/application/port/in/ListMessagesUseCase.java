package io.ticketchat.application.port.in;

/** Reads a page of a ticket's conversation together with the ticket it belongs to. */
public interface ListMessagesUseCase {

    MessagePage listMessages(ListMessagesQuery query);
}
