package io.ticketchat.application.port.in;

/** The caller stopped typing on a ticket. Stopping when not typing is a no-op. */
public interface StopTypingUseCase {

    void stopTyping(StopTypingCommand command);
}
