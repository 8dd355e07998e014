package io.ticketchat.domain;

/** The two kinds of people in a ticket's conversation. */
public enum ParticipantType {
    AGENT,
    CUSTOMER;

    public SenderType asSenderType() {
        return switch (this) {
            case AGENT -> SenderType.AGENT;
            case CUSTOMER -> SenderType.CUSTOMER;
        };
    }
}
