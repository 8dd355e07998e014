package io.ticketchat.security.jwt;

import io.ticketchat.application.port.out.WebSocketTicketGrant;
import io.ticketchat.application.port.out.WebSocketTicketStore;
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

/**
 * Adopts the grant of a handshake ticket the chat's own ticket filter redeemed (in front of Spring
 * Security) as this request's authentication, so the handshake passes the chain's "authenticated"
 * rule as the principal the ticket was issued to. The chat redeems tickets in one place for every host;
 * this is only the standalone chain's view of it. A {@code ?ticket=} that reached the chain without a
 * grant was never redeemed (the filter is missing or mapped elsewhere): refused, not let through.
 */
class WebSocketTicketAuthenticationFilter extends OncePerRequestFilter {

    static final String TICKET_PARAMETER = "ticket";

    private final RequestMatcher handshake;
    private final AuthenticationEntryPoint entryPoint;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    WebSocketTicketAuthenticationFilter(RequestMatcher handshake, AuthenticationEntryPoint entryPoint) {
        this.handshake = handshake;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getParameter(TICKET_PARAMETER) == null || !handshake.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (!(request.getAttribute(WebSocketTicketStore.REDEEMED_GRANT_ATTRIBUTE) instanceof WebSocketTicketGrant grant)
                || !(grant.principal() instanceof Authentication authentication)) {
            contexts.clearContext();
            entryPoint.commence(request, response, new InvalidWebSocketTicketException());
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(authentication);
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
