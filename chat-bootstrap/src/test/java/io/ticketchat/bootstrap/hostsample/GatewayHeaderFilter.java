package io.ticketchat.bootstrap.hostsample;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.security.Principal;

/**
 * Turns the gateway's {@code X-Helpdesk-User: <role>:<id>:<name>} header into the request's principal,
 * for every request, the WebSocket handshake included. Stands in for a host's real security.
 */
class GatewayHeaderFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Helpdesk-User";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HEADER);
        String[] parts = header == null ? new String[0] : header.split(":", 3);
        if (parts.length != 3) {
            chain.doFilter(request, response);
            return;
        }
        HelpdeskUser user = new HelpdeskUser(parts[0], Long.parseLong(parts[1]), parts[2]);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public Principal getUserPrincipal() {
                return user;
            }
        }, response);
    }
}
