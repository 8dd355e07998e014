package io.ticketchat.domain;

/** Who wrote a message: a person of either side, or the system itself. */
public enum SenderType {
    AGENT,
    CUSTOMER,
    SYSTEM
}
