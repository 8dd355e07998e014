package io.ticketchat.application.service;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.port.in.OpenChatSessionCommand;
import io.ticketchat.application.port.in.OpenChatSessionUseCase;
import io.ticketchat.application.port.in.SessionMembership;
import io.ticketchat.application.port.out.ChatEventPublisher;
import io.ticketchat.application.port.out.ChatParticipantRepository;
import io.ticketchat.application.port.out.ChatSessionRepository;
import io.ticketchat.domain.ChatSession;
import io.ticketchat.domain.Participant;
import io.ticketchat.domain.event.ParticipantJoined;
import io.ticketchat.domain.event.SessionOpened;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

public class OpenChatSessionService implements OpenChatSessionUseCase {

    private final TicketAccess access;
    private final ChatSessionRepository sessions;
    private final ChatParticipantRepository participants;
    private final ChatEventPublisher events;
    private final Clock clock;

    public OpenChatSessionService(TicketAccess access, ChatSessionRepository sessions, ChatParticipantRepository participants,
                                  ChatEventPublisher events, Clock clock) {
        this.access = access;
        this.sessions = sessions;
        this.participants = participants;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public SessionMembership openSession(OpenChatSessionCommand command) {
        Caller caller = command.caller();
        command.claim().requireMatches(caller);
        access.require(caller, command.ticketId());
        Instant now = clock.instant();

        ChatSession candidate = ChatSession.open(command.ticketId(), now);
        Optional<ChatSession> alreadyOpen = sessions.insertUnlessOpen(candidate);
        boolean created = alreadyOpen.isEmpty();
        ChatSession stored = alreadyOpen.orElse(candidate);
        if (created) {
            events.publish(new SessionOpened(stored));
        }

        ChatSession joined = stored.join(caller.type(), caller.userId(), now);
        sessions.update(joined);

        Participant participant = participants.findPresent(joined.sessionId(), caller.type(), caller.userId())
                .orElseGet(() -> {
                    Participant fresh = Participant.joining(joined.sessionId(), caller.userId(), caller.type(), caller.name(), now);
                    participants.insert(fresh);
                    events.publish(new ParticipantJoined(joined.ticketId(), fresh));
                    return fresh;
                });
        return new SessionMembership(joined, participant, created);
    }
}
