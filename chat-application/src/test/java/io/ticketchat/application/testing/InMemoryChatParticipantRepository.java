package io.ticketchat.application.testing;

import io.ticketchat.application.port.out.ChatParticipantRepository;
import io.ticketchat.domain.Participant;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.SessionId;
import io.ticketchat.domain.UserId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public class InMemoryChatParticipantRepository implements ChatParticipantRepository {

    private final List<Participant> participants = new ArrayList<>();

    @Override
    public synchronized Optional<Participant> findPresent(SessionId sessionId, ParticipantType type, UserId userId) {
        return participants.stream()
                .filter(p -> p.sessionId().equals(sessionId) && p.is(type, userId) && p.isPresent())
                .findFirst();
    }

    @Override
    public synchronized List<Participant> findPresent(SessionId sessionId) {
        return participants.stream().filter(p -> p.sessionId().equals(sessionId) && p.isPresent()).toList();
    }

    @Override
    public synchronized void insert(Participant participant) {
        participants.add(participant);
    }

    @Override
    public synchronized void markLeft(SessionId sessionId, ParticipantType type, UserId userId, Instant leftAt) {
        participants.replaceAll(p -> p.sessionId().equals(sessionId) && p.is(type, userId) && p.isPresent() ? p.leave(leftAt) : p);
    }
}
