package io.ticketchat.web.socket;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ends sockets with the HTTP session they were opened from. A socket outlives its handshake; a host
 * whose users log out (Spring Security invalidates the session), are logged out, or whose sessions
 * time out expects the chat to stop with them. The servlet container tells this listener when a
 * session ends, and its sockets are closed with 1008 "session ended".
 *
 * <p>A ticket issued just before a logout may still be redeemed afterwards, within its 30 seconds, so
 * the ids of ended sessions are remembered for a while and a socket opened from one is closed at once.
 */
public final class HttpSessionSockets implements HttpSessionListener, HttpSessionIdListener {

    static final CloseStatus SESSION_ENDED = CloseStatus.POLICY_VIOLATION.withReason("session ended");
    /** Longer than a ticket lives. */
    private static final Duration REMEMBER_ENDED = Duration.ofMinutes(2);

    private final ChatConnections connections;
    private final Clock clock;
    private final Map<String, Set<WebSocketSession>> open = new ConcurrentHashMap<>();
    private final Map<String, Instant> ended = new ConcurrentHashMap<>();
    /** Socket id to HTTP session id, which may change under the socket (a session id renewed). */
    private final Map<String, String> sessionOf = new ConcurrentHashMap<>();

    HttpSessionSockets(ChatConnections connections, Clock clock) {
        this.connections = connections;
        this.clock = clock;
    }

    /** @return false when that session has already ended: the caller closes the socket */
    boolean bind(String httpSessionId, WebSocketSession socket) {
        sessionOf.put(socket.getId(), httpSessionId);
        open.computeIfAbsent(httpSessionId, id -> ConcurrentHashMap.newKeySet()).add(socket);
        if (ended.containsKey(httpSessionId)) {
            unbind(socket);
            return false;
        }
        return true;
    }

    void unbind(WebSocketSession socket) {
        String httpSessionId = sessionOf.remove(socket.getId());
        if (httpSessionId != null) {
            open.computeIfPresent(httpSessionId, (id, sockets) -> {
                sockets.remove(socket);
                return sockets.isEmpty() ? null : sockets;
            });
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        Instant now = clock.instant();
        ended.values().removeIf(at -> at.isBefore(now.minus(REMEMBER_ENDED)));
        String id = event.getSession().getId();
        ended.put(id, now);
        Set<WebSocketSession> sockets = open.remove(id);
        if (sockets != null) {
            sockets.forEach(socket -> sessionOf.remove(socket.getId()));
            sockets.forEach(socket -> connections.find(socket)
                    .ifPresentOrElse(connection -> connections.end(connection, SESSION_ENDED),
                            () -> connections.close(socket, SESSION_ENDED)));
        }
    }

    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        Set<WebSocketSession> sockets = open.remove(oldSessionId);
        if (sockets != null) {
            String newId = event.getSession().getId();
            sockets.forEach(socket -> sessionOf.put(socket.getId(), newId));
            open.merge(event.getSession().getId(), sockets, (a, b) -> {
                a.addAll(b);
                return a;
            });
        }
    }

    /** Sockets bound to a live HTTP session; for tests. */
    int boundSockets() {
        return open.values().stream().mapToInt(Set::size).sum();
    }
}
