package io.ticketchat.application.port.in;

import io.ticketchat.domain.MessageId;

/** A referenced message (a reply's parent) does not exist in this ticket. */
public class MessageNotFoundException extends RuntimeException {

    public MessageNotFoundException(MessageId messageId) {
        super("message " + messageId + " does not exist in this ticket");
    }
}
