package io.ticketchat.web.socket;

import io.ticketchat.application.port.out.WebSocketTicketGrant;
import io.ticketchat.application.port.out.WebSocketTicketStore;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Redeems the {@code ?ticket=} of a handshake on the chat's socket path, in front of whatever security
 * the host runs (it is registered before Spring Security's filters), so every host's browsers get a
 * socket without Spring Security being needed. The redeemed grant goes on the request under
 * {@link WebSocketTicketStore#REDEEMED_GRANT_ATTRIBUTE}, where the handshake takes its principal, and
 * where a security layer may adopt it (the standalone JWT module does). The ticket is consumed on first
 * sight, whatever happens to the handshake afterwards; an unknown, used or expired one is answered with
 * 401 in the contract's shape, never passed on.
 */
public final class WebSocketTicketFilter extends OncePerRequestFilter {

    public static final String TICKET_PARAMETER = "ticket";

    private static final byte[] REFUSED = ("{\"success\":false,\"message\":\"The WebSocket ticket is unknown, already used "
            + "or expired: get a new one from POST /api/chat/ws-ticket\",\"error\":{\"code\":\"UNAUTHENTICATED\"}}")
            .getBytes(StandardCharsets.UTF_8);

    private final String path;
    private final WebSocketTicketStore tickets;

    public WebSocketTicketFilter(String path, WebSocketTicketStore tickets) {
        this.path = path;
        this.tickets = tickets;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String within = request.getRequestURI().substring(request.getContextPath().length());
        return !"GET".equals(request.getMethod()) || !path.equals(within) || request.getParameter(TICKET_PARAMETER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<WebSocketTicketGrant> grant = tickets.redeem(request.getParameter(TICKET_PARAMETER));
        if (grant.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setContentLength(REFUSED.length);
            response.getOutputStream().write(REFUSED);
            return;
        }
        request.setAttribute(WebSocketTicketStore.REDEEMED_GRANT_ATTRIBUTE, grant.get());
        chain.doFilter(request, response);
    }
}
