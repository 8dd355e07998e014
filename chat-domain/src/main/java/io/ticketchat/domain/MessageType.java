package io.ticketchat.domain;

/**
 * Kinds of stored message. The guide's {@code typing_indicator} is deliberately absent: typing is
 * ephemeral and never stored as a message.
 */
public enum MessageType {
    TEXT,
    SYSTEM,
    STATUS_UPDATE
}
