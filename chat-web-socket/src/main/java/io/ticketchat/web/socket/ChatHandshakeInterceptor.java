package io.ticketchat.web.socket;

import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * A handshake check for the chat endpoint only, such as the single-use {@code ?ticket=} of the
 * standalone server. Every bean of this type is applied, in {@code @Order}, to {@code /ws/chat}; an
 * interceptor that authenticates the client puts its principal under
 * {@link ChatHandshakeHandler#PRINCIPAL_ATTRIBUTE}.
 */
public interface ChatHandshakeInterceptor extends HandshakeInterceptor {
}
