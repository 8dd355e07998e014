package io.ticketchat.web.socket;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

import java.security.Principal;
import java.util.Map;

/**
 * Decides whose socket this is: the principal a {@link ChatHandshakeInterceptor} authenticated, else
 * the principal of the HTTP request itself (the host's security, or a bearer token filter).
 */
public class ChatHandshakeHandler extends DefaultHandshakeHandler {

    public static final String PRINCIPAL_ATTRIBUTE = ChatHandshakeHandler.class.getName() + ".principal";

    @Override
    protected Principal determineUser(ServerHttpRequest request, WebSocketHandler handler, Map<String, Object> attributes) {
        if (attributes.get(PRINCIPAL_ATTRIBUTE) instanceof Principal principal) {
            return principal;
        }
        return super.determineUser(request, handler, attributes);
    }
}
