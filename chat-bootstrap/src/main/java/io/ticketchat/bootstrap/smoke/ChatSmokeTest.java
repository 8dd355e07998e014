package io.ticketchat.bootstrap.smoke;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * "Run the chat system test" of the guide, for operators after a deployment: exercises every REST
 * endpoint and the WebSocket of a running instance with a real token, one line per check
 * ({@code PASS}, {@code FAIL} or {@code SKIP} and what was seen), and exits with 0 when nothing
 * failed, 1 when something did, 2 on a wrong command line.
 *
 * <p>It writes two short messages into the ticket it is given (default 1) and marks that ticket read
 * for the token's side: point it at a ticket kept for the purpose. Run it from the executable jar:
 * {@code java -cp chat-bootstrap-*-exec.jar -Dloader.main=io.ticketchat.bootstrap.smoke.ChatSmokeTest
 * org.springframework.boot.loader.launch.PropertiesLauncher --url=http://localhost:8080 --token=...}
 * or with {@code scripts/smoke-test.sh URL TOKEN [TICKET_ID]}.
 */
public final class ChatSmokeTest {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final SmokeOptions options;
    private final PrintStream out;
    private final HttpClient http;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private int failures;

    ChatSmokeTest(SmokeOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.http = HttpClient.newBuilder().connectTimeout(options.timeout()).build();
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** @return the process exit code */
    public static int run(String[] args, PrintStream out) {
        SmokeOptions options;
        try {
            options = SmokeOptions.parse(args);
        } catch (IllegalArgumentException wrong) {
            out.println(wrong.getMessage());
            out.println(SmokeOptions.USAGE);
            return 2;
        }
        ChatSmokeTest test = new ChatSmokeTest(options, out);
        test.runAll();
        out.println(test.failures == 0 ? "Smoke test passed" : "Smoke test FAILED: " + test.failures + " check(s)");
        return test.failures == 0 ? 0 : 1;
    }

    private void runAll() {
        out.println("Smoke test of " + options.baseUrl() + ", ticket " + options.ticketId() + ", as " + options.userType());
        check("health", this::health);
        Optional<String> wsTicket = checkValue("rest.ws-ticket", this::wsTicket);
        try (SmokeSocket socket = checkValue("ws.connect", () -> connect(wsTicket))) {
            if (socket != null && check("ws.join", () -> join(socket))) {
                check("ws.ping", () -> ping(socket));
            }
            check("rest.list-messages", this::listMessages);
            Long posted = checkValue("rest.post-message", this::postMessage);
            if (posted != null) {
                check("rest.post-message.repeat", () -> repeatPost(posted));
                if (socket != null) {
                    check("ws.rest-post-delivered", () -> delivered(socket, posted));
                }
            }
            if (socket != null) {
                check("ws.send-message", () -> sendOverSocket(socket));
            }
            check("rest.unread-count", this::unreadCount);
            check("rest.mark-read", this::markRead);
            String sessionId = checkValue("rest.session", this::openSession);
            if (sessionId != null) {
                check("rest.typing", () -> typing(sessionId));
            }
        }
    }

    // ---- the checks: each returns its detail line, or throws CheckFailed

    private String health() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(options.http("/actuator/health")).GET(), false);
        if (response.statusCode() == 404) {
            throw new Skipped("no /actuator/health on this instance");
        }
        JsonNode body = expect(response, 200);
        String status = body.path("status").asString("");
        require("UP".equals(status), "status " + status);
        return "UP";
    }

    private Outcome<Optional<String>> wsTicket() throws Exception {
        HttpResponse<String> response = send(post("/api/chat/ws-ticket", "{}"), true);
        if (response.statusCode() == 404) {
            return new Outcome<>(Optional.empty(), "not offered here: the socket sends Authorization instead");
        }
        JsonNode body = expect(response, 200);
        String ticket = body.path("data").path("ticket").asString("");
        require(!ticket.isEmpty(), "no data.ticket in the answer");
        return new Outcome<>(Optional.of(ticket), "single-use handshake ticket issued");
    }

    private Outcome<SmokeSocket> connect(Optional<String> wsTicket) {
        SmokeSocket socket = wsTicket == null || wsTicket.isEmpty()
                ? SmokeSocket.connect(http, options.socket(""), options.token(), options.timeout())
                : SmokeSocket.connect(http, options.socket("?ticket=" + wsTicket.get()), null, options.timeout());
        return new Outcome<>(socket, "connected to " + options.socket("")
                + (wsTicket == null || wsTicket.isEmpty() ? " with Authorization" : " with a handshake ticket"));
    }

    private String join(SmokeSocket socket) throws Exception {
        socket.send(object().put("type", "JOIN_TICKET").put("ticketId", options.ticketId()).toString());
        JsonNode answer = socket.await(f -> isType(f, "JOINED_ROOM") || isType(f, "ERROR"), options.timeout())
                .orElseThrow(() -> new CheckFailed("no JOINED_ROOM within " + options.timeout()));
        require(isType(answer, "JOINED_ROOM"), "ERROR " + answer.path("code").asString("") + ": " + answer.path("message").asString(""));
        return "JOINED_ROOM for ticket " + answer.path("ticketId").asLong();
    }

    private String ping(SmokeSocket socket) throws Exception {
        socket.send("{\"type\":\"PING\"}");
        socket.await(SmokeSocket.ofType("PONG"), options.timeout())
                .orElseThrow(() -> new CheckFailed("no PONG within " + options.timeout()));
        return "PONG";
    }

    private String listMessages() throws Exception {
        JsonNode body = expect(send(get("/api/chat/messages/" + options.ticketId()), true), 200);
        require(body.path("success").asBoolean(false), "success is not true");
        require(body.path("ticket").path("id").asLong() == options.ticketId(), "ticket block names another ticket");
        return "200, " + body.path("data").size() + " message(s), ticket \"" + body.path("ticket").path("issue_title").asString("") + "\"";
    }

    private Outcome<Long> postMessage() throws Exception {
        JsonNode body = expect(send(post("/api/chat/messages", postBody()), true), 201);
        long id = body.path("data").path("id").asLong();
        require(id > 0, "no data.id in the answer");
        return new Outcome<>(id, "201, message " + id + " stored");
    }

    private String repeatPost(long original) throws Exception {
        JsonNode body = expect(send(post("/api/chat/messages", postBody()), true), 200);
        require(body.path("data").path("id").asLong() == original, "the repeat stored another message");
        return "200, the original message " + original + " and nothing stored twice";
    }

    private String delivered(SmokeSocket socket, long messageId) throws Exception {
        socket.await(f -> isType(f, "NEW_MESSAGE") && f.path("messageId").asLong() == messageId, options.timeout())
                .orElseThrow(() -> new CheckFailed("message " + messageId + " did not reach the socket"));
        return "NEW_MESSAGE " + messageId + " reached the socket";
    }

    private String sendOverSocket(SmokeSocket socket) throws Exception {
        String clientMessageId = "smoke-ws-" + runId;
        socket.send(object().put("type", "SEND_MESSAGE").put("ticketId", options.ticketId())
                .put("message", "Ticket Chat smoke test (socket) " + Instant.now()).put("clientMessageId", clientMessageId).toString());
        JsonNode ack = socket.await(f -> clientMessageId.equals(f.path("clientMessageId").asString("")), options.timeout())
                .orElseThrow(() -> new CheckFailed("no answer to SEND_MESSAGE within " + options.timeout()));
        require(!isType(ack, "ERROR"), "ERROR " + ack.path("code").asString("") + ": " + ack.path("message").asString(""));
        JsonNode other = socket.await(f -> clientMessageId.equals(f.path("clientMessageId").asString("")), options.timeout())
                .orElseThrow(() -> new CheckFailed("only " + ack.path("type").asString("") + " arrived, not both MESSAGE_ACK and NEW_MESSAGE"));
        require(isType(ack, "MESSAGE_ACK") || isType(other, "MESSAGE_ACK"), "no MESSAGE_ACK");
        require(isType(ack, "NEW_MESSAGE") || isType(other, "NEW_MESSAGE"), "no NEW_MESSAGE");
        return "MESSAGE_ACK and NEW_MESSAGE for message " + ack.path("messageId").asLong();
    }

    private String unreadCount() throws Exception {
        JsonNode body = expect(send(get("/api/chat/unread/" + options.ticketId() + "/" + options.userType()), true), 200);
        require(body.path("data").path("unreadCount").isNumber(), "no data.unreadCount");
        return "200, " + body.path("data").path("unreadCount").asLong() + " unread";
    }

    private String markRead() throws Exception {
        JsonNode body = expect(send(put("/api/chat/messages/read/" + options.ticketId(), "{}"), true), 200);
        return "200, " + body.path("data").path("markedCount").asLong() + " marked read";
    }

    private Outcome<String> openSession() throws Exception {
        HttpResponse<String> response = send(post("/api/chat/session",
                object().put("ticketId", options.ticketId()).toString()), true);
        JsonNode body = expect(response, response.statusCode() == 201 ? 201 : 200);
        String sessionId = body.path("data").path("sessionId").asString("");
        require(!sessionId.isEmpty(), "no data.sessionId");
        return new Outcome<>(sessionId, response.statusCode() + ", session " + sessionId);
    }

    private String typing(String sessionId) throws Exception {
        for (boolean typing : new boolean[] {true, false}) {
            expect(send(put("/api/chat/typing", object().put("sessionId", sessionId).put("isTyping", typing).toString()), true), 200);
        }
        return "200 for isTyping true, then false";
    }

    // ---- plumbing

    private String postBody() {
        return object().put("ticketId", options.ticketId()).put("message", "Ticket Chat smoke test (REST) " + runId)
                .put("messageType", "text").put("clientMessageId", "smoke-rest-" + runId).toString();
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(options.http(path)).GET();
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(options.http(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpRequest.Builder put(String path, String json) {
        return HttpRequest.newBuilder(options.http(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpResponse<String> send(HttpRequest.Builder request, boolean authenticated) throws IOException, InterruptedException {
        request.timeout(options.timeout()).header("Accept", "application/json");
        if (authenticated) {
            request.header("Authorization", "Bearer " + options.token());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode expect(HttpResponse<String> response, int status) {
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (RuntimeException notJson) {
            throw new CheckFailed("HTTP " + response.statusCode() + " without a JSON body");
        }
        if (response.statusCode() != status) {
            String code = body.path("error").path("code").asString("");
            throw new CheckFailed("HTTP " + response.statusCode() + " (expected " + status + ")"
                    + (code.isEmpty() ? "" : " " + code + ": " + body.path("message").asString("")));
        }
        return body;
    }

    private static ObjectNode object() {
        return JSON.createObjectNode();
    }

    private static boolean isType(JsonNode frame, String type) {
        return type.equals(frame.path("type").asString(""));
    }

    private static void require(boolean condition, String failure) {
        if (!condition) {
            throw new CheckFailed(failure);
        }
    }

    private boolean check(String name, Check<String> check) {
        return checkValue(name, () -> new Outcome<>(Boolean.TRUE, check.run())) != null;
    }

    /** Runs one check and prints its line; returns its value for later checks, or null when it did not pass. */
    private <T> T checkValue(String name, Check<Outcome<T>> check) {
        try {
            Outcome<T> outcome = check.run();
            report("PASS", name, outcome.detail());
            return outcome.value();
        } catch (Skipped skipped) {
            report("SKIP", name, skipped.getMessage());
        } catch (CheckFailed failed) {
            fail(name, failed.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            fail(name, "interrupted");
        } catch (Exception unexpected) {
            fail(name, describe(unexpected));
        }
        return null;
    }

    private void fail(String name, String detail) {
        failures++;
        report("FAIL", name, detail);
    }

    private void report(String outcome, String name, String detail) {
        out.printf("%-4s %-26s %s%n", outcome, name, detail);
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private record Outcome<T>(T value, String detail) {
    }

    @FunctionalInterface
    private interface Check<T> {
        T run() throws Exception;
    }

    private static final class CheckFailed extends RuntimeException {
        CheckFailed(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Skipped extends RuntimeException {
        Skipped(String message) {
            super(message, null, false, false);
        }
    }
}
