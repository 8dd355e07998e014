package io.ticketchat.web.socket;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.support.OriginHandshakeInterceptor;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Refuses what cannot become a socket (another method, no {@code Upgrade: websocket}, a foreign
 * {@code Origin}) through the servlet container's error path ({@code sendError}), where the chat's
 * error answer is written: the contract's JSON body, as for the REST API, instead of Spring's plain
 * text or an empty body. Runs first among the handshake interceptors.
 */
final class HandshakeRefusals implements HandshakeInterceptor {

    private final OriginHandshakeInterceptor origins;

    HandshakeRefusals(List<String> allowedOrigins) {
        this.origins = new OriginHandshakeInterceptor(allowedOrigins);
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) throws Exception {
        if (request.getMethod() != HttpMethod.GET) {
            return refuse(response, HttpStatus.METHOD_NOT_ALLOWED);
        }
        if (!"websocket".equalsIgnoreCase(request.getHeaders().getFirst(HttpHeaders.UPGRADE))) {
            return refuse(response, HttpStatus.BAD_REQUEST);
        }
        if (!origins.beforeHandshake(request, response, handler, attributes)) {
            return refuse(response, HttpStatus.FORBIDDEN);
        }
        return true;
    }

    private static boolean refuse(ServerHttpResponse response, HttpStatus status) throws IOException {
        if (response instanceof ServletServerHttpResponse servlet) {
            HttpServletResponse raw = servlet.getServletResponse();
            if (status == HttpStatus.METHOD_NOT_ALLOWED) {
                raw.setHeader(HttpHeaders.ALLOW, HttpMethod.GET.name());
            }
            raw.sendError(status.value());
        } else {
            response.setStatusCode(status);
        }
        return false;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception exception) {
    }
}
