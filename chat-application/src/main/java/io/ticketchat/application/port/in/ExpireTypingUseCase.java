package io.ticketchat.application.port.in;

/** Ends every typing spell whose last signal is older than the typing TTL. Run on a schedule. */
public interface ExpireTypingUseCase {

    /** @return how many spells ended */
    int expireTyping();
}
