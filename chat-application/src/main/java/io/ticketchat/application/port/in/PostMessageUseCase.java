package io.ticketchat.application.port.in;

/**
 * Stores a message and announces it to the ticket's room once stored. Idempotent by
 * {@code clientMessageId}: the same sender repeating it on the same ticket gets the original back.
 */
public interface PostMessageUseCase {

    PostedMessage postMessage(PostMessageCommand command);
}
