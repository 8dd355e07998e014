package io.ticketchat.web.socket;

import io.ticketchat.application.port.out.WebSocketTicketGrant;
import io.ticketchat.application.port.out.WebSocketTicketStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

import java.security.Principal;
import java.util.Map;

/**
 * Decides whose socket this is: the principal a {@link ChatHandshakeInterceptor} authenticated, else
 * the principal of a redeemed ticket ({@link WebSocketTicketFilter}), else the principal of the HTTP
 * request itself (the host's security, or a bearer token filter). It also notes the HTTP session the
 * socket belongs to, if any: the ticket's, or the handshake's own (a cookie session), so that the socket
 * ends with it ({@link HttpSessionSockets}).
 */
public class ChatHandshakeHandler extends DefaultHandshakeHandler {

    public static final String PRINCIPAL_ATTRIBUTE = ChatHandshakeHandler.class.getName() + ".principal";
    static final String HTTP_SESSION_ATTRIBUTE = ChatHandshakeHandler.class.getName() + ".httpSession";

    @Override
    protected Principal determineUser(ServerHttpRequest request, WebSocketHandler handler, Map<String, Object> attributes) {
        HttpServletRequest servlet = request instanceof ServletServerHttpRequest http ? http.getServletRequest() : null;
        Object redeemed = servlet == null ? null : servlet.getAttribute(WebSocketTicketStore.REDEEMED_GRANT_ATTRIBUTE);
        if (redeemed instanceof WebSocketTicketGrant grant) {
            grant.httpSession().ifPresent(id -> attributes.put(HTTP_SESSION_ATTRIBUTE, id));
        } else if (servlet != null) {
            HttpSession session = servlet.getSession(false);
            if (session != null) {
                attributes.put(HTTP_SESSION_ATTRIBUTE, session.getId());
            }
        }
        if (attributes.get(PRINCIPAL_ATTRIBUTE) instanceof Principal principal) {
            return principal;
        }
        if (redeemed instanceof WebSocketTicketGrant grant) {
            return grant.principal();
        }
        return super.determineUser(request, handler, attributes);
    }
}
