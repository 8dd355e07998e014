package io.ticketchat.bootstrap.security;

import io.ticketchat.web.socket.testing.ChatSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static io.ticketchat.web.socket.testing.ChatSocket.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8's corpus of bad input over REST and WebSocket: each gets a clear error, never a 500 or a
 * dropped room, and nothing is stored. Content that is merely unusual is stored exactly as sent.
 */
class BadInputCorpusTest {

    private static final AtomicLong AGENTS = new AtomicLong(500_000);
    private static final String DEEP = "[".repeat(10_000) + "]".repeat(10_000);
    private static final String HUGE_NUMBER = "9".repeat(2_000);
    private static final String MEGABYTE = "x".repeat(1024 * 1024);

    private final StandaloneChat chat = StandaloneChat.shared();
    private long ticket;
    private String agent;

    @BeforeEach
    void newTicket() {
        ticket = chat.newTicket();
        agent = chat.tokens.agent(AGENTS.incrementAndGet(), "Alice Agent");
    }

    /** Bodies for POST /api/chat/messages; {@code $T} stands for the test's ticket id. */
    static Stream<Arguments> badMessageBodies() {
        return Stream.of(
                Arguments.of("malformed", "{\"ticketId\": $T, \"message\": }"),
                Arguments.of("truncated", "{\"ticketId\": $T, \"message\": \"hel"),
                Arguments.of("not an object", "[\"hello\"]"),
                Arguments.of("empty", ""),
                Arguments.of("10,000-deep nesting", "{\"ticketId\": $T, \"message\": " + DEEP + "}"),
                Arguments.of("10,000-deep nesting alone", DEEP),
                Arguments.of("2,000-digit ticket id", "{\"ticketId\": " + HUGE_NUMBER + ", \"message\": \"hi\"}"),
                Arguments.of("2,000-digit parent id", "{\"ticketId\": $T, \"message\": \"hi\", \"parentMessageId\": " + HUGE_NUMBER + "}"),
                Arguments.of("ticket id as text", "{\"ticketId\": \"abc\", \"message\": \"hi\"}"),
                Arguments.of("ticket id as boolean", "{\"ticketId\": true, \"message\": \"hi\"}"),
                Arguments.of("ticket id as object", "{\"ticketId\": {}, \"message\": \"hi\"}"),
                Arguments.of("ticket id as fraction", "{\"ticketId\": 1.5, \"message\": \"hi\"}"),
                Arguments.of("negative ticket id", "{\"ticketId\": -1, \"message\": \"hi\"}"),
                Arguments.of("zero ticket id", "{\"ticketId\": 0, \"message\": \"hi\"}"),
                Arguments.of("overflowing ticket id", "{\"ticketId\": 2147483648, \"message\": \"hi\"}"),
                Arguments.of("long-overflowing ticket id", "{\"ticketId\": 9223372036854775808, \"message\": \"hi\"}"),
                Arguments.of("message as number", "{\"ticketId\": $T, \"message\": 123}"),
                Arguments.of("message as array", "{\"ticketId\": $T, \"message\": [\"hi\"]}"),
                Arguments.of("message null", "{\"ticketId\": $T, \"message\": null}"),
                Arguments.of("message missing", "{\"ticketId\": $T}"),
                Arguments.of("message blank", "{\"ticketId\": $T, \"message\": \"   \"}"),
                Arguments.of("message with NUL", "{\"ticketId\": $T, \"message\": \"a\\u0000b\"}"),
                Arguments.of("message with a lone surrogate", "{\"ticketId\": $T, \"message\": \"a\\ud800b\"}"),
                Arguments.of("message too long", "{\"ticketId\": $T, \"message\": \"" + "y".repeat(10_001) + "\"}"),
                Arguments.of("message type as number", "{\"ticketId\": $T, \"message\": \"hi\", \"messageType\": 5}"),
                Arguments.of("message type system", "{\"ticketId\": $T, \"message\": \"hi\", \"messageType\": \"system\"}"),
                Arguments.of("sender id as text", "{\"ticketId\": $T, \"message\": \"hi\", \"senderId\": \"x\"}"),
                Arguments.of("sender type unknown", "{\"ticketId\": $T, \"message\": \"hi\", \"senderType\": \"admin\"}"),
                Arguments.of("parent id as text", "{\"ticketId\": $T, \"message\": \"hi\", \"parentMessageId\": \"x\"}"),
                Arguments.of("client message id as number", "{\"ticketId\": $T, \"message\": \"hi\", \"clientMessageId\": 5}"),
                Arguments.of("client message id too long", "{\"ticketId\": $T, \"message\": \"hi\", \"clientMessageId\": \"" + "c".repeat(65) + "\"}"),
                Arguments.of("duplicate keys", "{\"ticketId\": $T, \"message\": \"hi\", \"message\": \"ho\"}"),
                Arguments.of("trailing data", "{\"ticketId\": $T, \"message\": \"hi\"} {}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badMessageBodies")
    void aBadMessageBodyIsRefusedOverRest(String label, String body) {
        HttpResponse<String> response = chat.send("POST", "/api/chat/messages", agent, body.replace("$T", Long.toString(ticket)));

        assertThat(response.statusCode()).as(label + ": " + response.body()).isBetween(400, 499);
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.path("success").asBoolean(true)).isFalse();
        assertThat(json.path("error").path("code").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
        assertThat(chat.storedMessages(ticket)).isZero();
    }

    @Test
    void aMegabyteBodyIsTooLarge() {
        HttpResponse<String> response = chat.send("POST", "/api/chat/messages", agent,
                "{\"ticketId\": " + ticket + ", \"message\": \"" + MEGABYTE + "\"}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).path("error").path("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(chat.storedMessages(ticket)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "0", "abc", "2147483648", "99999999999999999999999999", "1.5"})
    void badPathIdsAreRefused(String id) {
        for (String path : new String[]{"/api/chat/messages/" + id, "/api/chat/unread/" + id + "/agent"}) {
            HttpResponse<String> response = chat.send("GET", path, agent, null);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
        }
        assertThat(chat.send("PUT", "/api/chat/messages/read/" + id, agent, "{}").statusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert('x')</script>", "\u202Egnp.exe", "emoji \uD83D\uDE00 and \u00E9", "<img src=x onerror=alert(1)>"})
    void unusualButValidTextIsStoredAndReturnedExactlyAsSent(String text) {
        String body = JSON.writeValueAsString(Map.of("ticketId", ticket, "message", text));
        HttpResponse<String> posted = chat.send("POST", "/api/chat/messages", agent, body);

        assertThat(posted.statusCode()).isEqualTo(201);
        assertThat(posted.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(posted.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        HttpResponse<String> read = chat.send("GET", "/api/chat/messages/" + ticket, agent, null);
        assertThat(JSON.readTree(read.body()).path("data").get(0).path("message").asString()).isEqualTo(text);
    }

    /** Frames sent on a joined socket; each answered with an ERROR while the socket stays in its room. */
    static Stream<Arguments> badFrames() {
        return Stream.of(
                Arguments.of("malformed", "{\"type\": \"SEND_MESSAGE\", \"ticketId\": $T, \"message\": }"),
                Arguments.of("truncated", "{\"type\": \"SEND_MESSAGE\", \"ticketId\": $T, \"mess"),
                Arguments.of("not an object", "[1, 2, 3]"),
                Arguments.of("bare string", "\"SEND_MESSAGE\""),
                Arguments.of("10,000-deep nesting", "{\"type\": \"SEND_MESSAGE\", \"ticketId\": $T, \"message\": " + DEEP + "}"),
                Arguments.of("2,000-digit ticket id", "{\"type\": \"SEND_MESSAGE\", \"ticketId\": " + HUGE_NUMBER + ", \"message\": \"hi\"}"),
                Arguments.of("unknown event type", "{\"type\": \"DELETE_EVERYTHING\", \"ticketId\": $T}"),
                Arguments.of("missing type", "{\"ticketId\": $T, \"message\": \"hi\"}"),
                Arguments.of("type as number", "{\"type\": 7, \"ticketId\": $T}"),
                Arguments.of("ticket id as text", "{\"type\": \"SEND_MESSAGE\", \"ticketId\": \"abc\", \"message\": \"hi\"}"),
                Arguments.of("ticket id as object", "{\"type\": \"SEND_MESSAGE\", \"ticketId\": {}, \"message\": \"hi\"}"),
                Arguments.of("negative ticket id", "{\"type\": \"SEND_MESSAGE\", \"ticketId\": -5, \"message\": \"hi\"}"),
                Arguments.of("overflowing ticket id", "{\"type\": \"SEND_MESSAGE\", \"ticketId\": 2147483648, \"message\": \"hi\"}"),
                Arguments.of("message as number", "{\"type\": \"SEND_MESSAGE\", \"ticketId\": $T, \"message\": 42}"),
                Arguments.of("message missing", "{\"type\": \"SEND_MESSAGE\", \"ticketId\": $T}"),
                Arguments.of("message with NUL", "{\"type\": \"SEND_MESSAGE\", \"ticketId\": $T, \"message\": \"a\\u0000b\"}"),
                Arguments.of("message with a lone surrogate", "{\"type\": \"SEND_MESSAGE\", \"ticketId\": $T, \"message\": \"\\udc00\"}"),
                Arguments.of("message type system", "{\"type\": \"SEND_MESSAGE\", \"ticketId\": $T, \"message\": \"hi\", \"messageType\": \"system\"}"),
                Arguments.of("parent id as text", "{\"type\": \"SEND_MESSAGE\", \"ticketId\": $T, \"message\": \"hi\", \"parentMessageId\": \"x\"}"),
                Arguments.of("client message id as array", "{\"type\": \"SEND_MESSAGE\", \"ticketId\": $T, \"message\": \"hi\", \"clientMessageId\": []}"),
                Arguments.of("join with text id", "{\"type\": \"JOIN_TICKET\", \"ticketId\": \"x\"}"),
                Arguments.of("join with negative last message id", "{\"type\": \"JOIN_TICKET\", \"ticketId\": $T, \"lastMessageId\": -1}"),
                Arguments.of("typing with wrong user type", "{\"type\": \"TYPING\", \"ticketId\": $T, \"userType\": 3}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFrames")
    void aBadFrameGetsAnErrorAndTheRoomSurvives(String label, String frame) {
        try (ChatSocket socket = joinedSocket()) {
            socket.send(frame.replace("$T", Long.toString(ticket)));

            JsonNode error = socket.awaitType("ERROR");
            assertThat(error.path("code").asString()).as(label).isIn("VALIDATION_FAILED", "NOT_FOUND", "FORBIDDEN");
            assertThat(chat.storedMessages(ticket)).isZero();
            assertRoomStillWorks(socket);
        }
    }

    @Test
    void aBinaryFrameGetsAnError() {
        try (ChatSocket socket = joinedSocket()) {
            socket.sendBinary(new byte[]{0, 1, 2, 3});

            assertThat(socket.awaitType("ERROR").path("code").asString()).isEqualTo("VALIDATION_FAILED");
            assertRoomStillWorks(socket);
        }
    }

    @Test
    void aMegabyteFrameClosesOnlyThatSocketWith1009() {
        try (ChatSocket bystander = joinedSocket(); ChatSocket offender = joinedSocket()) {
            offender.send("{\"type\": \"SEND_MESSAGE\", \"ticketId\": " + ticket + ", \"message\": \"" + MEGABYTE + "\"}");

            assertThat(offender.awaitClose()).isEqualTo(1009);
            assertThat(chat.storedMessages(ticket)).isZero();
            assertRoomStillWorks(bystander);
        }
    }

    private ChatSocket joinedSocket() {
        HttpResponse<String> issued = chat.send("POST", "/api/chat/ws-ticket", agent, null);
        String wsTicket = JSON.readTree(issued.body()).path("data").path("ticket").asString();
        ChatSocket socket = ChatSocket.connect(URI.create("ws://localhost:" + chat.port + "/ws/chat?ticket=" + wsTicket), Map.of());
        socket.send("{\"type\": \"JOIN_TICKET\", \"ticketId\": " + ticket + "}");
        socket.awaitType("JOINED_ROOM");
        return socket;
    }

    /** The socket is open, still in the room, and a good message still goes through. */
    private void assertRoomStillWorks(ChatSocket socket) {
        assertThat(socket.isOpen()).isTrue();
        HttpResponse<String> posted = chat.send("POST", "/api/chat/messages", agent,
                "{\"ticketId\": " + ticket + ", \"message\": \"still here\"}");
        assertThat(posted.statusCode()).isEqualTo(201);
        socket.awaitFrame(f -> "NEW_MESSAGE".equals(f.path("type").asString("")) && "still here".equals(f.path("message").asString("")));
    }
}
