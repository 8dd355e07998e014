package io.ticketchat.web.socket;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.port.in.LeaveTicketRoomCommand;
import io.ticketchat.application.port.in.LeaveTicketRoomUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.WebSocketSession;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every open socket of this node: admission (one person may hold only so many), the heartbeat that
 * finds dead, stuck and expired ones, the clean-up when one ends, and closing them all with 1001 when
 * the application shuts down.
 */
public final class ChatConnections implements SmartLifecycle {

    static final CloseStatus SILENT = CloseStatus.SESSION_NOT_RELIABLE.withReason("no heartbeat");
    static final CloseStatus EXPIRED = CloseStatus.POLICY_VIOLATION.withReason("credential expired");

    private static final Logger log = LoggerFactory.getLogger(ChatConnections.class);

    private final Map<String, ChatConnection> bySession = new ConcurrentHashMap<>();
    private final Map<String, Integer> perPrincipal = new ConcurrentHashMap<>();
    private final TicketRooms rooms;
    private final LeaveTicketRoomUseCase leaveRoom;
    private final PrincipalExpiry expiry;
    private final SocketWorkers workers;
    private final ChatWebSocketSettings settings;
    private final EventJson json;
    private final Clock clock;
    private volatile List<ScheduledFuture<?>> heartbeat = List.of();

    ChatConnections(TicketRooms rooms, LeaveTicketRoomUseCase leaveRoom, PrincipalExpiry expiry, SocketWorkers workers,
                    ChatWebSocketSettings settings, EventJson json, Clock clock) {
        this.rooms = rooms;
        this.leaveRoom = leaveRoom;
        this.expiry = expiry;
        this.workers = workers;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** @return the new connection, or empty when the person already holds as many sockets as allowed */
    Optional<ChatConnection> open(WebSocketSession session, Caller caller) {
        String person = caller.toString();
        boolean[] admitted = {false};
        perPrincipal.compute(person, (key, open) -> {
            int count = open == null ? 0 : open;
            if (count >= settings.maxSocketsPerPrincipal()) {
                return open;
            }
            admitted[0] = true;
            return count + 1;
        });
        if (!admitted[0]) {
            return Optional.empty();
        }
        ChatConnection connection = new ChatConnection(session, caller,
                expiry.expiresAt(session.getPrincipal()).orElse(null), workers, settings, json, clock,
                (cut, status) -> workers.executor().execute(() -> end(cut, status)));
        bySession.put(session.getId(), connection);
        return Optional.of(connection);
    }

    Optional<ChatConnection> find(WebSocketSession session) {
        return Optional.ofNullable(bySession.get(session.getId()));
    }

    /**
     * Ends a connection once: leaves its rooms (which ends its typing at once) and, when the server
     * is the one ending it, closes the socket with {@code status}.
     */
    void end(ChatConnection connection, CloseStatus status) {
        if (!connection.markEnded()) {
            return;
        }
        bySession.remove(connection.id());
        perPrincipal.computeIfPresent(connection.caller().toString(), (key, open) -> open <= 1 ? null : open - 1);
        for (RoomMember member : connection.members()) {
            rooms.leave(member);
            connection.forget(member);
            try {
                leaveRoom.leaveRoom(new LeaveTicketRoomCommand(connection.caller(), member.ticketId()));
            } catch (RuntimeException failed) {
                log.warn("Leaving ticket {} for a closed socket failed: {}", member.ticketId(), failed.toString());
            }
        }
        if (status != null) {
            close(connection.session(), status);
        }
    }

    /** Closes a socket without making the caller wait on a client that may not be reading. */
    Future<?> close(WebSocketSession session, CloseStatus status) {
        return workers.executor().submit(() -> {
            try {
                session.close(status);
            } catch (IOException | RuntimeException failed) {
                log.debug("Closing socket {} failed: {}", session.getId(), failed.toString());
            }
        });
    }

    /** Open sockets of one person on this node. */
    int socketsOf(Caller caller) {
        return perPrincipal.getOrDefault(caller.toString(), 0);
    }

    /** Open sockets on this node; for tests and metrics. */
    public int openConnections() {
        return bySession.size();
    }

    void ping() {
        for (ChatConnection connection : bySession.values()) {
            connection.offer(new PingMessage());
        }
    }

    /** Finds sockets whose credential expired, whose client stopped answering, or whose write is stuck. */
    void sweep() {
        for (ChatConnection connection : bySession.values()) {
            if (connection.credentialExpired()) {
                end(connection, EXPIRED);
            } else if (connection.isWriteStuck(settings.sendTimeLimit())) {
                end(connection, SocketOutbox.TOO_SLOW);
            } else if (connection.silentFor(settings.idleTimeout())) {
                end(connection, SILENT);
            }
        }
    }

    @Override
    public void start() {
        long ping = settings.pingInterval().toMillis();
        long sweep = Math.max(50, Math.min(1000, Math.min(ping, settings.sendTimeLimit().toMillis()) / 2));
        heartbeat = List.of(
                workers.scheduler().scheduleAtFixedRate(guard(this::ping), ping, ping, TimeUnit.MILLISECONDS),
                workers.scheduler().scheduleAtFixedRate(guard(this::sweep), sweep, sweep, TimeUnit.MILLISECONDS));
    }

    /**
     * Shutdown: first every socket drains (frames being served finish, so a send that commits still
     * gets its ack out; later frames are not served), then every client is told the server is going
     * away (1001) and may reconnect elsewhere. Both steps together wait at most {@code sendTimeLimit}.
     */
    @Override
    public void stop() {
        heartbeat.forEach(task -> task.cancel(false));
        heartbeat = List.of();
        long deadline = System.nanoTime() + settings.sendTimeLimit().toNanos();
        List<ChatConnection> open = List.copyOf(bySession.values());
        List<Future<?>> closing = new ArrayList<>();
        for (ChatConnection connection : open) {
            closing.add(workers.executor().submit(() -> {
                try {
                    if (!connection.drain(deadline)) {
                        log.debug("Socket {} did not drain in time at shutdown", connection.id());
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                end(connection, null);
                try {
                    connection.session().close(CloseStatus.GOING_AWAY);
                } catch (IOException | RuntimeException failed) {
                    log.debug("Closing socket {} failed: {}", connection.id(), failed.toString());
                }
            }));
        }
        // Give clients a moment to receive the close frame; one that does not read is not waited for.
        for (Future<?> close : closing) {
            try {
                close.get(Math.max(0, deadline - System.nanoTime()) + TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException ignored) {
                log.debug("A socket did not close in time at shutdown");
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return !heartbeat.isEmpty();
    }

    private static Runnable guard(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException failed) {
                log.error("Heartbeat task failed", failed);
            }
        };
    }
}
