package io.ticketchat.application.port.in;

/** The caller is typing on a ticket; announced once per spell, which lasts until stopped or expired. */
public interface StartTypingUseCase {

    void startTyping(StartTypingCommand command);
}
