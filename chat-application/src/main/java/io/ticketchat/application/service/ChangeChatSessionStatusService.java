package io.ticketchat.application.service;

import io.ticketchat.application.port.in.ChangeChatSessionStatusCommand;
import io.ticketchat.application.port.in.ChangeChatSessionStatusUseCase;
import io.ticketchat.application.port.in.ChatSessionNotFoundException;
import io.ticketchat.application.port.out.ChatEventPublisher;
import io.ticketchat.application.port.out.ChatSessionRepository;
import io.ticketchat.domain.ChatSession;
import io.ticketchat.domain.event.SessionClosed;

import java.time.Clock;
import java.time.Instant;

public class ChangeChatSessionStatusService implements ChangeChatSessionStatusUseCase {

    private final TicketAccess access;
    private final ChatSessionRepository sessions;
    private final ChatEventPublisher events;
    private final Clock clock;

    public ChangeChatSessionStatusService(TicketAccess access, ChatSessionRepository sessions, ChatEventPublisher events, Clock clock) {
        this.access = access;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public ChatSession changeStatus(ChangeChatSessionStatusCommand command) {
        ChatSession session = sessions.findBySessionId(command.sessionId())
                .orElseThrow(() -> new ChatSessionNotFoundException(command.sessionId()));
        access.require(command.caller(), session.ticketId());
        if (session.status() == command.target()) {
            return session;
        }
        Instant now = clock.instant();
        ChatSession next = switch (command.target()) {
            case ACTIVE -> session.resume(now);
            case PAUSED -> session.pause(now);
            case CLOSED -> session.close(now);
        };
        sessions.update(next);
        if (!next.isOpen()) {
            events.publish(new SessionClosed(next));
        }
        return next;
    }
}
