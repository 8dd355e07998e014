package io.ticketchat.web.socket;

import io.ticketchat.application.port.out.SendRateLimiter;
import io.ticketchat.domain.TicketId;
import io.ticketchat.web.socket.testing.ChatSocket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every bad frame gets its own ERROR on its own socket; the socket, the room and the store are unharmed. */
class BadInputTest extends SocketTestSupport {

    private static final String T = "$T";

    static Stream<Arguments> badFrames() {
        return Stream.of(
                arguments("not JSON", "hello", "VALIDATION_FAILED", null),
                arguments("truncated JSON", "{\"type\":\"SEND_MESSAGE\",\"ticketId\":", "VALIDATION_FAILED", null),
                arguments("trailing garbage", "{\"type\":\"PING\"} {}", "VALIDATION_FAILED", null),
                arguments("an array", "[1,2,3]", "VALIDATION_FAILED", null),
                arguments("a bare string", "\"PING\"", "VALIDATION_FAILED", null),
                arguments("no type", "{\"ticketId\":" + T + "}", "VALIDATION_FAILED", "type"),
                arguments("a numeric type", "{\"type\":5}", "VALIDATION_FAILED", "type"),
                arguments("an unknown type", "{\"type\":\"DROP_TABLES\"}", "VALIDATION_FAILED", "type"),
                arguments("duplicate keys", "{\"type\":\"PING\",\"type\":\"SEND_MESSAGE\"}", "VALIDATION_FAILED", null),
                arguments("10,000-deep nesting", "{\"type\":\"PING\",\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}",
                        "VALIDATION_FAILED", null),
                arguments("a 2,000-digit number", "{\"type\":\"JOIN_TICKET\",\"ticketId\":" + "9".repeat(2_000) + "}",
                        "VALIDATION_FAILED", null),
                arguments("no ticketId", "{\"type\":\"SEND_MESSAGE\",\"message\":\"hi\"}", "VALIDATION_FAILED", "ticketId"),
                arguments("a text ticketId", send("\"abc\"", "\"hi\""), "VALIDATION_FAILED", "ticketId"),
                arguments("a fractional ticketId", send("1.5", "\"hi\""), "VALIDATION_FAILED", "ticketId"),
                arguments("a boolean ticketId", send("true", "\"hi\""), "VALIDATION_FAILED", "ticketId"),
                arguments("an object ticketId", send("{}", "\"hi\""), "VALIDATION_FAILED", "ticketId"),
                arguments("a negative ticketId", send("-1", "\"hi\""), "VALIDATION_FAILED", "ticketId"),
                arguments("an overflowing ticketId", send("99999999999999999999999", "\"hi\""), "VALIDATION_FAILED", "ticketId"),
                arguments("a ticketId beyond 32 bits", send("4294967296", "\"hi\""), "VALIDATION_FAILED", "ticketId"),
                arguments("no message", "{\"type\":\"SEND_MESSAGE\",\"ticketId\":" + T + "}", "VALIDATION_FAILED", "message"),
                arguments("a numeric message", send(T, "42"), "VALIDATION_FAILED", "message"),
                arguments("a blank message", send(T, "\"   \""), "VALIDATION_FAILED", "message"),
                arguments("a NUL in the message", send(T, "\"a\\u0000b\""), "VALIDATION_FAILED", "message"),
                arguments("an invisible-only message", send(T, "\"\\u200B\\u2060\\u202E\\u00A0\\uFEFF\""), "VALIDATION_FAILED", "message"),
                arguments("an escape character in the message", send(T, "\"a\\u001Bb\""), "VALIDATION_FAILED", "message"),
                arguments("a lone surrogate", send(T, "\"a\\ud800b\""), "VALIDATION_FAILED", "message"),
                arguments("10,001 characters", send(T, "\"" + "x".repeat(10_001) + "\""), "VALIDATION_FAILED", "message"),
                arguments("a system messageType",
                        "{\"type\":\"SEND_MESSAGE\",\"ticketId\":" + T + ",\"message\":\"hi\",\"messageType\":\"system\"}",
                        "VALIDATION_FAILED", "messageType"),
                arguments("a typing_indicator messageType",
                        "{\"type\":\"SEND_MESSAGE\",\"ticketId\":" + T + ",\"message\":\"hi\",\"messageType\":\"typing_indicator\"}",
                        "VALIDATION_FAILED", "messageType"),
                arguments("an empty clientMessageId",
                        "{\"type\":\"SEND_MESSAGE\",\"ticketId\":" + T + ",\"message\":\"hi\",\"clientMessageId\":\"\"}",
                        "VALIDATION_FAILED", "clientMessageId"),
                arguments("a 65-character clientMessageId",
                        "{\"type\":\"SEND_MESSAGE\",\"ticketId\":" + T + ",\"message\":\"hi\",\"clientMessageId\":\"" + "c".repeat(65) + "\"}",
                        "VALIDATION_FAILED", "clientMessageId"),
                arguments("a missing parent",
                        "{\"type\":\"SEND_MESSAGE\",\"ticketId\":" + T + ",\"message\":\"hi\",\"parentMessageId\":987654321}",
                        "NOT_FOUND", null),
                arguments("a negative lastMessageId", "{\"type\":\"JOIN_TICKET\",\"ticketId\":" + T + ",\"lastMessageId\":-5}",
                        "VALIDATION_FAILED", "lastMessageId"),
                arguments("a wrong userType", "{\"type\":\"TYPING\",\"ticketId\":" + T + ",\"userType\":\"admin\"}",
                        "VALIDATION_FAILED", "userType"),
                arguments("another user's id", "{\"type\":\"MARK_READ\",\"ticketId\":" + T + ",\"userId\":1}",
                        "FORBIDDEN", "userId"),
                arguments("the other side's name",
                        "{\"type\":\"SEND_MESSAGE\",\"ticketId\":" + T + ",\"message\":\"hi\",\"agentName\":\"Agent Smith\"}",
                        "FORBIDDEN", "agentName"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFrames")
    void aBadFrameGetsAnErrorAndTheRoomKeepsWorking(String description, String frame, String code, String field) {
        long ticket = newTicket();
        ChatSocket watcher = joined(agent("Watcher"), ticket);
        ChatSocket sender = joined(customer("John Doe", ticket), ticket);

        sender.send(frame.replace(T, Long.toString(ticket)));

        JsonNode error = sender.awaitType("ERROR");
        assertThat(error.path("code").asString()).isEqualTo(code);
        assertThat(error.path("message").asString()).isNotBlank().doesNotContain("Exception").doesNotContain("tools.jackson");
        if (field != null) {
            assertThat(error.path("field").asString()).isEqualTo(field);
        }
        assertThat(core.messageRepository.latestId(TicketId.of(ticket))).as("nothing stored").isEmpty();
        sender.send(sendFrame(ticket, "still here", "ok-1"));
        watcher.awaitFrame(f -> f.path("message").asString("").equals("still here"));
        assertThat(sender.isOpen()).isTrue();
    }

    @Test
    void anErrorAnsweringASendEchoesItsClientMessageId() {
        long ticket = newTicket();
        ChatSocket sender = joined(customer("John Doe", ticket), ticket);

        sender.send("{\"type\":\"SEND_MESSAGE\",\"ticketId\":" + ticket + ",\"message\":\"\",\"clientMessageId\":\"c-42\"}");

        JsonNode error = sender.awaitType("ERROR");
        assertThat(error.path("clientMessageId").asString()).isEqualTo("c-42");
        assertThat(error.path("ticketId").asLong()).isEqualTo(ticket);
        assertThat(error.path("requestType").asString()).isEqualTo("SEND_MESSAGE");
    }

    @Test
    void aSenderOverTheRateLimitIsToldSoAndNothingIsStored() {
        long ticket = newTicket();
        String customer = customer("John Doe", ticket);
        ChatSocket sender = joined(customer, ticket);
        core.rateLimiter = caller -> caller.equals(caller(customer)) ? Optional.of(Duration.ofSeconds(3)) : Optional.empty();
        try {
            sender.send(sendFrame(ticket, "too fast", "fast-1"));

            JsonNode error = sender.awaitType("ERROR");
            assertThat(error.path("code").asString()).isEqualTo("RATE_LIMITED");
            assertThat(error.path("clientMessageId").asString()).isEqualTo("fast-1");
            assertThat(core.messageRepository.latestId(TicketId.of(ticket))).isEmpty();
        } finally {
            core.rateLimiter = SendRateLimiter.UNLIMITED;
        }
    }

    @Test
    void aBinaryFrameGetsAnError() {
        long ticket = newTicket();
        ChatSocket watcher = joined(agent("Watcher"), ticket);
        ChatSocket sender = joined(customer("John Doe", ticket), ticket);

        sender.sendBinary(new byte[]{1, 2, 3});

        assertThat(sender.awaitType("ERROR").path("code").asString()).isEqualTo("VALIDATION_FAILED");
        sender.send(sendFrame(ticket, "still here", "ok-1"));
        watcher.awaitFrame(f -> f.path("message").asString("").equals("still here"));
    }

    /** Issue 27 item 5: a 1 MiB binary frame was answered with one ERROR per KiB (1,024 frames back). */
    @Test
    void aBinaryFrameOverTheSizeLimitClosesOnlyThatSocketWith1009AndGetsNoError() throws Exception {
        long ticket = newTicket();
        ChatSocket watcher = joined(agent("Watcher"), ticket);
        ChatSocket sender = joined(customer("John Doe", ticket), ticket);

        sender.sendBinary(new byte[1024 * 1024]);

        assertThat(sender.closeCode().get(10, TimeUnit.SECONDS)).isEqualTo(1009);
        assertThat(sender.ofType("ERROR")).isEmpty();
        ChatSocket other = joined(customer("Jane Doe", ticket), ticket);
        other.send(sendFrame(ticket, "the room lives", "bin-1"));
        watcher.awaitFrame(f -> f.path("message").asString("").equals("the room lives"));
    }

    @Test
    void aBinaryFrameWithinTheLimitButLargerThanOnePartGetsExactlyOneError() {
        long ticket = newTicket();
        ChatSocket sender = joined(customer("John Doe", ticket), ticket);

        sender.sendBinary(new byte[64 * 1024]);
        sender.send("{\"type\":\"PING\"}");

        sender.awaitType("PONG");
        assertThat(sender.ofType("ERROR")).hasSize(1);
        assertThat(sender.isOpen()).isTrue();
    }

    @Test
    void aFrameOverTheSizeLimitClosesOnlyThatSocketWith1009() throws Exception {
        long ticket = newTicket();
        ChatSocket watcher = joined(agent("Watcher"), ticket);
        ChatSocket sender = joined(customer("John Doe", ticket), ticket);

        sender.send(send(Long.toString(ticket), "\"" + "x".repeat(ChatWebSocketSettings.DEFAULT_MAX_TEXT_MESSAGE_SIZE + 1) + "\""));

        assertThat(sender.closeCode().get(10, TimeUnit.SECONDS)).isEqualTo(1009);
        ChatSocket other = joined(customer("Jane Doe", ticket), ticket);
        other.send(sendFrame(ticket, "the room lives", "ok-2"));
        watcher.awaitFrame(f -> f.path("message").asString("").equals("the room lives"));
        assertThat(core.messageRepository.latestId(TicketId.of(ticket))).isPresent();
    }

    @Test
    void theLargestAllowedMessageWithFourByteCharactersRoundTripsExactly() {
        long ticket = newTicket();
        ChatSocket watcher = joined(agent("Watcher"), ticket);
        ChatSocket sender = joined(customer("John Doe", ticket), ticket);
        String text = "\uD83D\uDE00".repeat(9_960) + " <script>alert(1)</script> \u202Eevil";

        sender.send("{\"type\":\"SEND_MESSAGE\",\"ticketId\":" + ticket + ",\"message\":"
                + ChatSocket.JSON.writeValueAsString(text) + "}");

        JsonNode seen = watcher.awaitType("NEW_MESSAGE");
        assertThat(seen.path("message").asString()).isEqualTo(text);
    }

    private static String send(String ticketId, String message) {
        return "{\"type\":\"SEND_MESSAGE\",\"ticketId\":" + ticketId + ",\"message\":" + message + "}";
    }
}
