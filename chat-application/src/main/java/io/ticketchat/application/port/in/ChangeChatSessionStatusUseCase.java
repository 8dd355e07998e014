package io.ticketchat.application.port.in;

import io.ticketchat.domain.ChatSession;

/** Pauses, resumes or closes a chat session, following the session lifecycle. */
public interface ChangeChatSessionStatusUseCase {

    ChatSession changeStatus(ChangeChatSessionStatusCommand command);
}
