package io.ticketchat.web.socket;

import io.ticketchat.application.port.out.WebSocketTicketGrant;
import io.ticketchat.application.port.out.WebSocketTicketStore;
import io.ticketchat.web.socket.testing.ChatSocket;
import jakarta.servlet.http.HttpSessionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The browser's way onto the socket in every host: a ticket from the chat's own store, redeemed by the
 * handshake without any security framework, and a socket that ends with the HTTP session it came from.
 */
class WebSocketTicketHandshakeTest extends SocketTestSupport {

    @Autowired
    WebSocketTicketStore tickets;

    @Autowired
    HttpSessionSockets httpSessions;

    @Test
    void aTicketOpensASocketAsThePrincipalItWasIssuedTo() {
        String agent = agent("Agent Smith");
        long ticket = newTicket();

        ChatSocket socket = viaTicket(issue(agent, null));
        socket.send("{\"type\":\"JOIN_TICKET\",\"ticketId\":" + ticket + "}");

        JsonNode joined = socket.awaitType("JOINED_ROOM");
        assertThat(joined.path("ticketId").asLong()).isEqualTo(ticket);
        assertThat(socket.isOpen()).isTrue();
    }

    @Test
    void aTicketIsSpentByItsFirstHandshake() throws Exception {
        String ticket = issue(agent("Agent Smith"), null);
        viaTicket(ticket).send("{\"type\":\"PING\"}");

        HttpResponse<String> second = handshake(ticket);

        assertThat(second.statusCode()).isEqualTo(401);
        assertThat(second.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = ChatSocket.JSON.readTree(second.body());
        assertThat(body.path("success").asBoolean(true)).isFalse();
        assertThat(body.path("error").path("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(body.path("message").asString()).isNotBlank();
    }

    @Test
    void aMadeUpTicketOpensNoSocket() {
        assertThatThrownBy(() -> ChatSocket.open(port, "?ticket=made-up", true))
                .isInstanceOf(CompletionException.class);
    }

    @Test
    void aSocketEndsWithTheHttpSessionItsTicketWasIssuedIn() throws Exception {
        String agent = agent("Agent Smith");
        MockHttpSession session = new MockHttpSession(null, "host-session-" + newTicket());
        ChatSocket inSession = viaTicket(issue(agent, session.getId()));
        ChatSocket other = viaTicket(issue(agent, null));
        inSession.send("{\"type\":\"PING\"}");
        inSession.awaitType("PONG");
        await().until(() -> httpSessions.boundSockets() >= 1);

        httpSessions.sessionDestroyed(new HttpSessionEvent(session));

        assertThat(inSession.closeCode().get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(inSession.closeReason().get(1, TimeUnit.SECONDS)).isEqualTo("session ended");
        other.send("{\"type\":\"PING\"}");
        other.awaitType("PONG");
        assertThat(other.isOpen()).isTrue();
    }

    @Test
    void aTicketRedeemedAfterItsSessionEndedOpensNoLiveSocket() throws Exception {
        String agent = agent("Agent Smith");
        MockHttpSession session = new MockHttpSession(null, "host-session-" + newTicket());
        String ticket = issue(agent, session.getId());

        httpSessions.sessionDestroyed(new HttpSessionEvent(session));
        ChatSocket late = viaTicket(ticket);

        assertThat(late.closeCode().get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(late.closeReason().get(1, TimeUnit.SECONDS)).isEqualTo("session ended");
    }

    private String issue(String as, String httpSession) {
        return tickets.issue(new WebSocketTicketGrant((Principal) () -> as, httpSession)).value();
    }

    private ChatSocket viaTicket(String ticket) {
        return track(ChatSocket.open(port, "?ticket=" + ticket, true));
    }

    private HttpResponse<String> handshake(String ticket) throws Exception {
        // The JDK client may not send upgrade headers itself; the ticket is checked before the upgrade anyway.
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ws/chat?ticket=" + ticket))
                .GET().build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
