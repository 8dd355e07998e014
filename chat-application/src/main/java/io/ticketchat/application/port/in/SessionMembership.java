package io.ticketchat.application.port.in;

import io.ticketchat.domain.ChatSession;
import io.ticketchat.domain.Participant;

/** @param sessionCreated whether this call opened the session rather than joining an open one */
public record SessionMembership(ChatSession session, Participant participant, boolean sessionCreated) {
}
