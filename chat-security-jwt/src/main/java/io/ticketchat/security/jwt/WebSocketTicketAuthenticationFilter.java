package io.ticketchat.security.jwt;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Authenticates a WebSocket handshake that carries {@code ?ticket=...} as the principal the ticket
 * was issued to, so the socket session's principal is that very authentication. The ticket is
 * consumed on first sight, whatever happens to the handshake afterwards: one that shows up later in
 * a log or a browser history is worthless.
 */
class WebSocketTicketAuthenticationFilter extends OncePerRequestFilter {

    static final String TICKET_PARAMETER = "ticket";

    private final RequestMatcher handshake;
    private final WebSocketTicketStore tickets;
    private final AuthenticationEntryPoint entryPoint;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    WebSocketTicketAuthenticationFilter(RequestMatcher handshake, WebSocketTicketStore tickets,
                                        AuthenticationEntryPoint entryPoint) {
        this.handshake = handshake;
        this.tickets = tickets;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String ticket = request.getParameter(TICKET_PARAMETER);
        if (ticket == null || !handshake.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Authentication> authentication = tickets.redeem(ticket);
        if (authentication.isEmpty()) {
            contexts.clearContext();
            entryPoint.commence(request, response, new InvalidWebSocketTicketException());
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(authentication.get());
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
