package io.ticketchat.application.port.in;

import io.ticketchat.domain.Message;

/** @param created false when an idempotent repeat returned the original message */
public record PostedMessage(Message message, boolean created) {
}
