package io.ticketchat.web.socket;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.port.in.CallerResolver;
import jakarta.websocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

import java.io.IOException;
import java.util.Optional;

/**
 * The {@code /ws/chat} endpoint: admits a socket if its principal resolves to a caller, hands each
 * text frame to {@link ClientCommands}, refuses binary frames and cleans up on close.
 *
 * <p>Frames of both kinds arrive in parts (the container's buffers stay small), and the rules hold per
 * whole frame: one that grows past {@code max-frame-size} (characters for text, bytes for binary)
 * closes its socket with 1009 as soon as it does; a binary frame within the limit is answered with
 * exactly one {@code ERROR} once its last part is in; a text frame gets at most one {@code ERROR}.
 * Parts that still arrive after the close are ignored.
 */
public final class ChatSocketHandler extends AbstractWebSocketHandler {

    static final CloseStatus UNAUTHENTICATED = CloseStatus.POLICY_VIOLATION.withReason("not authenticated");
    static final CloseStatus TOO_MANY_SOCKETS = CloseStatus.POLICY_VIOLATION.withReason("too many sockets");

    /**
     * Tomcat allocates a receive buffer of the text size limit for every socket up front (a 128 K-character
     * limit cost 256 KB of heap per idle socket). So the container's buffer stays small, frames larger than
     * it arrive in parts, and the parts of the rare large frame are joined here, up to the real limit.
     */
    static final int RECEIVE_BUFFER_CHARS = 8 * 1024;
    private static final String PARTIAL_FRAME = ChatSocketHandler.class.getName() + ".partialFrame";
    private static final String PARTIAL_BINARY_BYTES = ChatSocketHandler.class.getName() + ".partialBinaryBytes";
    /** Binary frames are refused anyway: their parts are counted, never kept, so the container's buffer stays small. */
    private static final int MAX_BINARY_MESSAGE_SIZE = 1024;
    /** Tomcat's per-session bound on a blocking write; ends a write to a client that stopped reading. */
    private static final String TOMCAT_BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private static final Logger log = LoggerFactory.getLogger(ChatSocketHandler.class);

    private final CallerResolver callers;
    private final ChatConnections connections;
    private final ClientCommands commands;
    private final ChatWebSocketSettings settings;
    private final ChatSocketObserver observer;
    private final HttpSessionSockets httpSessions;

    ChatSocketHandler(CallerResolver callers, ChatConnections connections, ClientCommands commands,
                      ChatWebSocketSettings settings, ChatSocketObserver observer, HttpSessionSockets httpSessions) {
        this.httpSessions = httpSessions;
        this.callers = callers;
        this.connections = connections;
        this.commands = commands;
        this.settings = settings;
        this.observer = observer;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        session.setTextMessageSizeLimit(Math.min(RECEIVE_BUFFER_CHARS, settings.maxTextMessageSize()));
        session.setBinaryMessageSizeLimit(MAX_BINARY_MESSAGE_SIZE);
        if (session instanceof NativeWebSocketSession nativeSession
                && nativeSession.getNativeSession() instanceof Session container) {
            container.getUserProperties().put(TOMCAT_BLOCKING_SEND_TIMEOUT, settings.sendTimeLimit().toMillis());
        }
        Optional<Caller> caller = callers.resolve(session.getPrincipal());
        if (caller.isEmpty()) {
            session.close(UNAUTHENTICATED);
            return;
        }
        Optional<ChatConnection> connection = connections.open(session, caller.get());
        if (connection.isEmpty()) {
            session.close(TOO_MANY_SOCKETS);
            return;
        }
        if (session.getAttributes().get(ChatHandshakeHandler.HTTP_SESSION_ATTRIBUTE) instanceof String httpSession
                && !httpSessions.bind(httpSession, session)) {
            connections.end(connection.get(), HttpSessionSockets.SESSION_ENDED);
        }
    }

    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        if (!session.isOpen()) {
            return;
        }
        Optional<ChatConnection> connection = connected(session);
        if (connection.isEmpty()) {
            return;
        }
        Optional<String> frame = wholeFrame(session, message);
        // A frame that arrives while the server drains for shutdown is not served: no ack, so the
        // client resends it after reconnecting.
        if (frame.isEmpty() || !connection.get().beginFrame()) {
            return;
        }
        try {
            commands.handle(connection.get(), frame.get());
        } finally {
            connection.get().frameDone();
        }
    }

    /** The complete frame once its last part is in; empty while parts are still arriving or after 1009. */
    private Optional<String> wholeFrame(WebSocketSession session, TextMessage part) throws IOException {
        StringBuilder pending = (StringBuilder) session.getAttributes().get(PARTIAL_FRAME);
        if (pending == null && part.isLast()) {
            return Optional.of(part.getPayload());
        }
        if (pending == null) {
            pending = new StringBuilder(2 * RECEIVE_BUFFER_CHARS);
            session.getAttributes().put(PARTIAL_FRAME, pending);
        }
        pending.append(part.getPayload());
        if (pending.length() > settings.maxTextMessageSize()) {
            session.getAttributes().remove(PARTIAL_FRAME);
            session.close(CloseStatus.TOO_BIG_TO_PROCESS);
            return Optional.empty();
        }
        if (!part.isLast()) {
            return Optional.empty();
        }
        session.getAttributes().remove(PARTIAL_FRAME);
        return Optional.of(pending.toString());
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage part) throws IOException {
        if (!session.isOpen()) {
            return;
        }
        Optional<ChatConnection> connection = connected(session);
        if (connection.isEmpty()) {
            return;
        }
        long received = (session.getAttributes().get(PARTIAL_BINARY_BYTES) instanceof Long sofar ? sofar : 0L) + part.getPayloadLength();
        if (received > settings.maxTextMessageSize()) {
            session.getAttributes().remove(PARTIAL_BINARY_BYTES);
            session.close(CloseStatus.TOO_BIG_TO_PROCESS);
            return;
        }
        if (!part.isLast()) {
            session.getAttributes().put(PARTIAL_BINARY_BYTES, received);
            return;
        }
        session.getAttributes().remove(PARTIAL_BINARY_BYTES);
        observer.frameRefused(ErrorCode.VALIDATION_FAILED);
        connection.get().sendError(SocketError.of(ErrorCode.VALIDATION_FAILED, "binary frames are not supported: send JSON text frames"));
    }

    @Override
    protected void handlePongMessage(WebSocketSession session, PongMessage message) {
        connected(session);
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("Transport error on socket {}: {}", session.getId(), exception.toString());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        httpSessions.unbind(session);
        connections.find(session).ifPresent(connection -> connections.end(connection, null));
    }

    /** Every frame counts as a sign of life; none is served once the credential has expired. */
    private Optional<ChatConnection> connected(WebSocketSession session) {
        Optional<ChatConnection> connection = connections.find(session);
        connection.ifPresent(ChatConnection::heard);
        if (connection.isPresent() && connection.get().credentialExpired()) {
            connections.end(connection.get(), ChatConnections.EXPIRED);
            return Optional.empty();
        }
        return connection;
    }
}
