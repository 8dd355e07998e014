package io.ticketchat.application.service;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.port.in.ChatSessionNotFoundException;
import io.ticketchat.application.port.in.ExpireTypingUseCase;
import io.ticketchat.application.port.in.StartTypingCommand;
import io.ticketchat.application.port.in.StartTypingUseCase;
import io.ticketchat.application.port.in.StopTypingCommand;
import io.ticketchat.application.port.in.StopTypingUseCase;
import io.ticketchat.application.port.in.UpdateSessionTypingCommand;
import io.ticketchat.application.port.in.UpdateSessionTypingUseCase;
import io.ticketchat.application.port.out.ChatEventPublisher;
import io.ticketchat.application.port.out.ChatSessionRepository;
import io.ticketchat.domain.ChatSession;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.Typing;
import io.ticketchat.domain.UserId;
import io.ticketchat.domain.event.TypingStarted;
import io.ticketchat.domain.event.TypingStopped;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is typing where. Typing is ephemeral by design: it lives in memory, is announced once per
 * spell (further signals only extend it, which throttles what the room hears) and ends on
 * {@code STOP_TYPING}, on a sent message, on leaving, or {@link Typing#TTL} after the last signal.
 */
public class TypingService implements StartTypingUseCase, StopTypingUseCase, UpdateSessionTypingUseCase, ExpireTypingUseCase {

    private record Key(TicketId ticketId, ParticipantType type, UserId userId) {
    }

    private final Map<Key, Typing> spells = new ConcurrentHashMap<>();
    private final TicketAccess access;
    private final ChatSessionRepository sessions;
    private final ChatEventPublisher events;
    private final Clock clock;

    public TypingService(TicketAccess access, ChatSessionRepository sessions, ChatEventPublisher events, Clock clock) {
        this.access = access;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void startTyping(StartTypingCommand command) {
        command.claim().requireMatches(command.caller());
        access.require(command.caller(), command.ticketId());
        start(command.caller(), command.ticketId());
    }

    @Override
    public void stopTyping(StopTypingCommand command) {
        command.claim().requireMatches(command.caller());
        access.require(command.caller(), command.ticketId());
        stop(command.caller(), command.ticketId(), TypingStopped.Reason.STOPPED);
    }

    @Override
    public void updateTyping(UpdateSessionTypingCommand command) {
        command.claim().requireMatches(command.caller());
        ChatSession session = sessions.findBySessionId(command.sessionId())
                .orElseThrow(() -> new ChatSessionNotFoundException(command.sessionId()));
        access.require(command.caller(), session.ticketId());
        if (command.typing()) {
            start(command.caller(), session.ticketId());
        } else {
            stop(command.caller(), session.ticketId(), TypingStopped.Reason.STOPPED);
        }
    }

    @Override
    public int expireTyping() {
        Instant now = clock.instant();
        int ended = 0;
        for (Map.Entry<Key, Typing> spell : spells.entrySet()) {
            if (spell.getValue().isExpiredAt(now) && spells.remove(spell.getKey(), spell.getValue())) {
                Key key = spell.getKey();
                events.publish(new TypingStopped(key.ticketId(), key.type(), key.userId(), TypingStopped.Reason.EXPIRED, now));
                ended++;
            }
        }
        return ended;
    }

    /** A sent message ends the sender's typing spell, as every chat user expects. */
    void messageSent(Caller caller, TicketId ticketId) {
        stop(caller, ticketId, TypingStopped.Reason.STOPPED);
    }

    void left(Caller caller, TicketId ticketId) {
        stop(caller, ticketId, TypingStopped.Reason.LEFT);
    }

    private void start(Caller caller, TicketId ticketId) {
        Instant now = clock.instant();
        Key key = new Key(ticketId, caller.type(), caller.userId());
        boolean[] began = {false};
        Typing typing = spells.compute(key, (k, current) -> {
            if (current == null || current.isExpiredAt(now)) {
                began[0] = true;
                return Typing.start(ticketId, caller.type(), caller.userId(), caller.name(), now);
            }
            return current.refresh(now);
        });
        if (began[0]) {
            events.publish(new TypingStarted(typing));
        }
    }

    private void stop(Caller caller, TicketId ticketId, TypingStopped.Reason reason) {
        Key key = new Key(ticketId, caller.type(), caller.userId());
        if (spells.remove(key) != null) {
            events.publish(new TypingStopped(ticketId, caller.type(), caller.userId(), reason, clock.instant()));
        }
    }
}
