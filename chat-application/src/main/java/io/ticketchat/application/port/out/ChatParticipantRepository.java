package io.ticketchat.application.port.out;

import io.ticketchat.domain.Participant;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.SessionId;
import io.ticketchat.domain.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Who joined which chat session, and when they left. */
public interface ChatParticipantRepository {

    Optional<Participant> findPresent(SessionId sessionId, ParticipantType type, UserId userId);

    /** Present participants in the order they joined. */
    List<Participant> findPresent(SessionId sessionId);

    void insert(Participant participant);

    /** Marks a present participant as gone; does nothing if they are not present. */
    void markLeft(SessionId sessionId, ParticipantType type, UserId userId, Instant leftAt);
}
