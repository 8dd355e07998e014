package io.ticketchat.web.socket;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.domain.TicketId;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/** One open socket: who is on it, the rooms it sits in, and its outbox. */
final class ChatConnection {

    private final WebSocketSession session;
    private final Caller caller;
    private final Instant expiresAt;
    private final SocketOutbox outbox;
    private final EventJson json;
    private final Clock clock;
    private final Map<TicketId, RoomMember> rooms = new ConcurrentHashMap<>();
    private final Map<TicketId, Long> lastTypingNanos = new ConcurrentHashMap<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Object framesLock = new Object();
    private int framesInHand;
    private boolean draining;
    private volatile long lastHeardNanos = System.nanoTime();

    /**
     * @param expiresAt when the credential behind it expires, or {@code null}
     * @param cutOff    how to end this connection when its client cannot keep up
     */
    ChatConnection(WebSocketSession session, Caller caller, Instant expiresAt, SocketWorkers workers,
                   ChatWebSocketSettings settings, EventJson json, Clock clock,
                   BiConsumer<ChatConnection, CloseStatus> cutOff) {
        this.session = session;
        this.caller = caller;
        this.expiresAt = expiresAt;
        this.json = json;
        this.clock = clock;
        this.outbox = new SocketOutbox(session, workers.executor(), settings.sendBufferLimitBytes(),
                status -> cutOff.accept(this, status));
    }

    Caller caller() {
        return caller;
    }

    WebSocketSession session() {
        return session;
    }

    String id() {
        return session.getId();
    }

    void send(ServerEvent event) {
        outbox.offer(json.write(event));
    }

    void sendError(SocketError error) {
        send(ServerEvents.error(error, clock.instant()));
    }

    boolean offer(WebSocketMessage<?> message) {
        return outbox.offer(message);
    }

    boolean offerPaced(TextMessage frame, Duration patience) throws InterruptedException {
        return outbox.offerPaced(frame, patience);
    }

    boolean isIn(TicketId ticketId) {
        RoomMember member = rooms.get(ticketId);
        return member != null && !member.isDetached();
    }

    int roomCount() {
        return rooms.size();
    }

    /** @return false when the connection has ended: it takes no new seats */
    boolean remember(RoomMember member) {
        rooms.put(member.ticketId(), member);
        if (ended.get()) {
            rooms.remove(member.ticketId(), member);
            return false;
        }
        return true;
    }

    /** @return the member this connection had in that ticket's room, or {@code null} */
    RoomMember forget(TicketId ticketId) {
        return rooms.remove(ticketId);
    }

    void forget(RoomMember member) {
        rooms.remove(member.ticketId(), member);
    }

    List<RoomMember> members() {
        return List.copyOf(rooms.values());
    }

    /** Drops a {@code TYPING} that follows the previous accepted one too closely. */
    boolean mayAnnounceTyping(TicketId ticketId, Duration minInterval) {
        long now = System.nanoTime();
        Long previous = lastTypingNanos.get(ticketId);
        if (previous != null && now - previous < minInterval.toNanos()) {
            return false;
        }
        lastTypingNanos.put(ticketId, now);
        return true;
    }

    /** After a stop or a sent message the next {@code TYPING} starts a new spell and must get through. */
    void typingEnded(TicketId ticketId) {
        lastTypingNanos.remove(ticketId);
    }

    void heard() {
        lastHeardNanos = System.nanoTime();
    }

    boolean silentFor(Duration timeout) {
        return System.nanoTime() - lastHeardNanos > timeout.toNanos();
    }

    boolean credentialExpired() {
        return expiresAt != null && !clock.instant().isBefore(expiresAt);
    }

    boolean isWriteStuck(Duration limit) {
        return outbox.isStuck(limit);
    }

    /**
     * Counts a client frame in, unless the connection is draining for shutdown.
     * @return false when the frame must not be served; otherwise call {@link #frameDone()} after it
     */
    boolean beginFrame() {
        synchronized (framesLock) {
            if (draining) {
                return false;
            }
            framesInHand++;
            return true;
        }
    }

    void frameDone() {
        synchronized (framesLock) {
            framesInHand--;
            framesLock.notifyAll();
        }
    }

    /**
     * Shutdown: serves no further frame, waits for the ones being served (a send in hand commits and
     * queues its ack), then for the outbox to write everything queued.
     * @return whether all of it happened before the deadline
     */
    boolean drain(long deadlineNanos) throws InterruptedException {
        synchronized (framesLock) {
            draining = true;
            while (framesInHand > 0) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(framesLock, left);
            }
        }
        return outbox.awaitFlushed(Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime())));
    }

    /** @return true only for the first call: the one that must clean up */
    boolean markEnded() {
        if (!ended.compareAndSet(false, true)) {
            return false;
        }
        outbox.close();
        return true;
    }
}
