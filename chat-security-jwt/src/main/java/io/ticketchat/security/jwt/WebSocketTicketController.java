package io.ticketchat.security.jwt;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** {@code POST /api/chat/ws-ticket}: trades the bearer token for a single-use WebSocket handshake ticket. */
@RestController
public class WebSocketTicketController {

    static final String PATH = "/api/chat/ws-ticket";

    /** The contract's time stamp: UTC with milliseconds, always. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final WebSocketTicketStore tickets;

    public WebSocketTicketController(WebSocketTicketStore tickets) {
        this.tickets = tickets;
    }

    @PostMapping(PATH)
    public Envelope issue(Authentication authentication) {
        WebSocketTicket ticket = tickets.issue(authentication);
        return new Envelope(true, new TicketBody(ticket.value(), TIMESTAMP.format(ticket.expiresAt())));
    }

    public record Envelope(boolean success, TicketBody data) {
    }

    public record TicketBody(String ticket, String expiresAt) {
    }
}
