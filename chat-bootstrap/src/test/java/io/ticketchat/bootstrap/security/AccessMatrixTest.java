package io.ticketchat.bootstrap.security;

import io.ticketchat.bootstrap.security.Credential.Fixture;
import io.ticketchat.bootstrap.security.Credential.Identity;
import io.ticketchat.web.socket.testing.ChatSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

import static io.ticketchat.web.socket.testing.ChatSocket.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Issue 8's access matrix over the standalone service: every REST endpoint and every WebSocket command
 * against every kind of credential, each with its expected answer, and nothing stored when refused.
 */
class AccessMatrixTest {

    private static final AtomicLong IDS = new AtomicLong(1_000);

    private final StandaloneChat chat = StandaloneChat.shared();
    private Fixture fixture;
    private String sessionId;

    @BeforeEach
    void newTicketAndPeople() {
        fixture = new Fixture(chat.newTicket(), chat.newTicket(),
                new Identity(IDS.incrementAndGet(), "customer", "Carl Customer"),
                new Identity(IDS.incrementAndGet(), "customer", "Olga Other"),
                new Identity(IDS.incrementAndGet(), "agent", "Alice Agent"));
        HttpResponse<String> session = chat.send("POST", "/api/chat/session", Credential.AGENT.token(fixture, chat.tokens),
                "{\"ticketId\":" + fixture.ticket() + "}");
        assertThat(session.statusCode()).isEqualTo(201);
        sessionId = JSON.readTree(session.body()).path("data").path("sessionId").asString();
    }

    @ParameterizedTest
    @EnumSource(Credential.class)
    void readMessages(Credential credential) {
        HttpResponse<String> response = chat.send("GET", "/api/chat/messages/" + fixture.ticket(), token(credential), null);

        // Nothing to forge without a body: the forger is the ticket's own customer here.
        expect(credential == Credential.FORGED_IDENTITY ? Credential.CUSTOMER : credential, response, 200, 200);
    }

    @ParameterizedTest
    @EnumSource(Credential.class)
    void postMessage(Credential credential) {
        Identity who = credential.claimed(fixture);
        HttpResponse<String> response = chat.send("POST", "/api/chat/messages", token(credential),
                "{\"ticketId\":" + fixture.ticket() + ",\"senderType\":\"" + who.type() + "\",\"senderId\":" + who.id()
                        + ",\"senderName\":\"" + who.name() + "\",\"message\":\"hello\",\"messageType\":\"text\"}");

        expect(credential, response, 201, 201);
        assertThat(chat.storedMessages(fixture.ticket())).isEqualTo(response.statusCode() == 201 ? 1 : 0);
    }

    @ParameterizedTest
    @EnumSource(Credential.class)
    void markRead(Credential credential) {
        Identity who = credential.claimed(fixture);
        HttpResponse<String> response = chat.send("PUT", "/api/chat/messages/read/" + fixture.ticket(), token(credential),
                "{\"userId\":" + who.id() + ",\"userType\":\"" + who.type() + "\"}");

        expect(credential, response, 200, 200);
    }

    @ParameterizedTest
    @EnumSource(Credential.class)
    void countUnread(Credential credential) {
        Identity who = credential.claimed(fixture);
        HttpResponse<String> response = chat.send("GET", "/api/chat/unread/" + fixture.ticket() + "/" + who.type(),
                token(credential), null);

        expect(credential, response, 200, 200);
    }

    @ParameterizedTest
    @EnumSource(Credential.class)
    void joinSession(Credential credential) {
        Identity who = credential.claimed(fixture);
        HttpResponse<String> response = chat.send("POST", "/api/chat/session", token(credential),
                "{\"ticketId\":" + fixture.ticket() + ",\"userId\":" + who.id() + ",\"userType\":\"" + who.type()
                        + "\",\"userName\":\"" + who.name() + "\"}");

        expect(credential, response, 200, 200);
    }

    @ParameterizedTest
    @EnumSource(Credential.class)
    void updateTyping(Credential credential) {
        Identity who = credential.claimed(fixture);
        HttpResponse<String> response = chat.send("PUT", "/api/chat/typing", token(credential),
                "{\"sessionId\":\"" + sessionId + "\",\"userId\":" + who.id() + ",\"userType\":\"" + who.type()
                        + "\",\"isTyping\":true}");

        expect(credential, response, 200, 200);
    }

    @ParameterizedTest
    @EnumSource(Credential.class)
    void issueWebSocketTicket(Credential credential) {
        HttpResponse<String> response = chat.send("POST", "/api/chat/ws-ticket", token(credential), null);

        if (credential.authenticates) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).path("data").path("ticket").asString()).isNotBlank();
        } else {
            expectUnauthenticated(response);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Credential.class, names = {"NONE", "EXPIRED", "WRONG_SIGNATURE", "ALG_NONE"})
    void aSocketNeedsAValidCredential(Credential credential) {
        String token = token(credential);
        Map<String, String> bearer = token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);

        assertHandshakeRefused(socketUri(null), bearer, 401);
        assertHandshakeRefused(socketUri("not-a-ticket"), Map.of(), 401);
    }

    @Test
    void aWebSocketTicketOpensOneSocketOnly() {
        String ticket = wsTicket(Credential.CUSTOMER);
        try (ChatSocket socket = ChatSocket.connect(socketUri(ticket), Map.of())) {
            socket.roundTrip();
        }
        assertHandshakeRefused(socketUri(ticket), Map.of(), 401);
    }

    @Test
    void aSocketFromAForeignOriginIsRefused() {
        assertHandshakeRefused(socketUri(wsTicket(Credential.AGENT)), Map.of("Origin", "https://evil.example"), 403);
    }

    @ParameterizedTest
    @EnumSource(value = Credential.class, names = {"OTHER_CUSTOMER", "CUSTOMER", "AGENT", "FORGED_IDENTITY"})
    void everySocketCommand(Credential credential) {
        Identity who = credential.claimed(fixture);
        long ticket = fixture.ticket();
        boolean allowed = credential == Credential.CUSTOMER || credential == Credential.AGENT;
        String identity = "\"userType\":\"" + who.type() + "\",\"userId\":" + who.id() + ","
                + ("agent".equals(who.type()) ? "\"agentName\":\"" : "\"customerName\":\"") + who.name() + "\"";
        try (ChatSocket socket = ChatSocket.connect(socketUri(wsTicket(credential)), Map.of())) {
            socket.send("{\"type\":\"JOIN_TICKET\",\"ticketId\":" + ticket + "," + identity + "}");
            expectAnswer(socket, allowed, "JOINED_ROOM", "JOIN_TICKET");

            socket.send("{\"type\":\"SEND_MESSAGE\",\"ticketId\":" + ticket + ",\"message\":\"hi\",\"clientMessageId\":\"m1\","
                    + identity + "}");
            expectAnswer(socket, allowed, "MESSAGE_ACK", "SEND_MESSAGE");
            assertThat(chat.storedMessages(ticket)).isEqualTo(allowed ? 1 : 0);

            socket.send("{\"type\":\"TYPING\",\"ticketId\":" + ticket + "," + identity + "}");
            expectAnswer(socket, allowed, null, "TYPING");
            socket.send("{\"type\":\"STOP_TYPING\",\"ticketId\":" + ticket + "," + identity + "}");
            expectAnswer(socket, allowed, null, "STOP_TYPING");
            socket.send("{\"type\":\"MARK_READ\",\"ticketId\":" + ticket + "}");
            expectAnswer(socket, credential != Credential.OTHER_CUSTOMER, null, "MARK_READ");
            socket.send("{\"type\":\"LEAVE_TICKET\",\"ticketId\":" + ticket + "}");
            socket.roundTrip();
            assertThat(socket.isOpen()).isTrue();
        }
    }

    @Test
    void eventsReachOnlySocketsThatMayAccessTheTicket() {
        try (ChatSocket customer = ChatSocket.connect(socketUri(wsTicket(Credential.CUSTOMER)), Map.of());
             ChatSocket other = ChatSocket.connect(socketUri(wsTicket(Credential.OTHER_CUSTOMER)), Map.of())) {
            customer.send("{\"type\":\"JOIN_TICKET\",\"ticketId\":" + fixture.ticket() + "}");
            customer.awaitType("JOINED_ROOM");
            other.send("{\"type\":\"JOIN_TICKET\",\"ticketId\":" + fixture.otherTicket() + "}");
            other.awaitType("JOINED_ROOM");

            HttpResponse<String> posted = chat.send("POST", "/api/chat/messages", token(Credential.AGENT),
                    "{\"ticketId\":" + fixture.ticket() + ",\"message\":\"for Carl only\"}");
            assertThat(posted.statusCode()).isEqualTo(201);

            customer.awaitType("NEW_MESSAGE");
            other.roundTrip();
            assertThat(other.ofType("NEW_MESSAGE")).isEmpty();
        }
    }

    @Test
    void aSocketClosesWith1008WhenItsTokenExpires() {
        String shortLived = chat.tokens.token().subject(fixture.agent().id()).userType("agent").name("Alice Agent")
                .expiresIn(java.time.Duration.ofSeconds(2)).sign();
        try (ChatSocket socket = ChatSocket.connect(socketUri(null), Map.of("Authorization", "Bearer " + shortLived))) {
            socket.roundTrip();

            assertThat(socket.awaitClose()).isEqualTo(1008);
        }
    }

    private void expectAnswer(ChatSocket socket, boolean allowed, String successType, String requestType) {
        socket.roundTrip();
        if (allowed) {
            if (successType != null) {
                socket.awaitType(successType);
            }
            assertThat(socket.ofType("ERROR")).as("errors after " + requestType)
                    .noneMatch(f -> requestType.equals(f.path("requestType").asString("")));
        } else {
            JsonNode error = socket.awaitFrame(f -> "ERROR".equals(f.path("type").asString(""))
                    && requestType.equals(f.path("requestType").asString("")));
            assertThat(error.path("code").asString()).isEqualTo("FORBIDDEN");
        }
        assertThat(socket.isOpen()).isTrue();
    }

    private void expect(Credential credential, HttpResponse<String> response, int customerStatus, int agentStatus) {
        switch (credential) {
            case NONE, EXPIRED, WRONG_SIGNATURE, ALG_NONE -> expectUnauthenticated(response);
            case OTHER_CUSTOMER, FORGED_IDENTITY -> {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
                assertThat(JSON.readTree(response.body()).path("error").path("code").asString()).isEqualTo("FORBIDDEN");
            }
            case CUSTOMER -> assertThat(response.statusCode()).as(response.body()).isIn(customerStatus, 201);
            case AGENT -> assertThat(response.statusCode()).as(response.body()).isIn(agentStatus, 201);
        }
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    private static void expectUnauthenticated(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("success").asBoolean(true)).isFalse();
        assertThat(body.path("error").path("code").asString()).isEqualTo("UNAUTHENTICATED");
    }

    private void assertHandshakeRefused(URI uri, Map<String, String> headers, int status) {
        assertThatExceptionOfType(CompletionException.class)
                .isThrownBy(() -> ChatSocket.connect(uri, headers).close())
                .havingCause()
                .isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(status));
    }

    private String token(Credential credential) {
        return credential.token(fixture, chat.tokens);
    }

    private String wsTicket(Credential credential) {
        HttpResponse<String> response = chat.send("POST", "/api/chat/ws-ticket", token(credential), null);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).path("data").path("ticket").asString();
    }

    private URI socketUri(String ticket) {
        return URI.create("ws://localhost:" + chat.port + "/ws/chat" + (ticket == null ? "" : "?ticket=" + ticket));
    }
}
