package io.ticketchat.application.port.in;

/** Joins the ticket's open chat session, opening one if there is none. */
public interface OpenChatSessionUseCase {

    SessionMembership openSession(OpenChatSessionCommand command);
}
