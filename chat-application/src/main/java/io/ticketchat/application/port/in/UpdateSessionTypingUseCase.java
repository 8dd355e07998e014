package io.ticketchat.application.port.in;

/** The guide's REST typing update, addressed by chat session rather than by ticket. */
public interface UpdateSessionTypingUseCase {

    void updateTyping(UpdateSessionTypingCommand command);
}
