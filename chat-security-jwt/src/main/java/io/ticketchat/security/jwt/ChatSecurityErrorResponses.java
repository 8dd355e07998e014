package io.ticketchat.security.jwt;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Map;

/**
 * Answers refused requests in the contract's error shape. The messages are fixed: what exactly was
 * wrong with a token (expired, bad signature) is for the server's eyes, not for whoever holds it.
 */
public class ChatSecurityErrorResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        boolean badCredential = failure instanceof InvalidBearerTokenException || failure instanceof InvalidWebSocketTicketException;
        // RFC 6750: no error attribute when no credential came at all, invalid_token when one did.
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, badCredential ? "Bearer error=\"invalid_token\"" : "Bearer");
        String message = switch (failure) {
            case InvalidWebSocketTicketException ignored -> "the WebSocket ticket is invalid, used or expired";
            case InvalidBearerTokenException ignored -> "the bearer token is invalid or expired";
            default -> "authentication required";
        };
        write(response, HttpServletResponse.SC_UNAUTHORIZED, message, "UNAUTHENTICATED");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        write(response, HttpServletResponse.SC_FORBIDDEN, "access denied", "FORBIDDEN");
    }

    private static void write(HttpServletResponse response, int status, String message, String code) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(),
                Map.of("success", false, "message", message, "error", Map.of("code", code)));
    }
}
