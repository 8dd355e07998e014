package io.ticketchat.web.rest;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.port.out.WebSocketTicketGrant;
import io.ticketchat.application.port.out.WebSocketTicketStore;
import io.ticketchat.web.rest.dto.WebSocketTicketResponse;
import io.ticketchat.web.rest.openapi.WebSocketTicketsApi;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;

/**
 * {@code POST /api/chat/ws-ticket}: a single-use pass for the socket handshake, for whoever the host's
 * authentication says the request comes from. The {@link Caller} parameter is the proof: a principal
 * that does not resolve is refused with 401 before a ticket exists. The grant keeps the principal
 * itself, so the socket resolves its caller from it on every frame exactly as a request would.
 */
@RestController
public class ChatWebSocketTicketController implements WebSocketTicketsApi {

    static final String PATH = ChatApiPaths.BASE + "/ws-ticket";

    private final WebSocketTicketStore tickets;

    public ChatWebSocketTicketController(WebSocketTicketStore tickets) {
        this.tickets = tickets;
    }

    @Override
    @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public WebSocketTicketResponse issue(Caller caller, HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            // A resolver that admits anonymous requests has nothing a socket could be resolved from later.
            throw new UnauthenticatedException();
        }
        HttpSession session = request.getSession(false);
        WebSocketTicketGrant grant = new WebSocketTicketGrant(principal, session == null ? null : session.getId());
        return WebSocketTicketResponse.of(tickets.issue(grant));
    }
}
