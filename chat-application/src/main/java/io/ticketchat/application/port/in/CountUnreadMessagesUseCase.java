package io.ticketchat.application.port.in;

/** Counts the messages on a ticket that the caller's side has not read yet. */
public interface CountUnreadMessagesUseCase {

    long countUnread(CountUnreadMessagesQuery query);
}
