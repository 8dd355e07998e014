package io.ticketchat.bootstrap.fuzz;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.ticketchat.bootstrap.testsupport.RawHttp;
import io.ticketchat.bootstrap.testsupport.SharedStandaloneService;
import io.ticketchat.bootstrap.testsupport.StandaloneService;
import io.ticketchat.domain.DisplayName;
import io.ticketchat.domain.DomainValidationException;
import io.ticketchat.domain.MessageText;
import io.ticketchat.web.socket.testing.ChatSocket;
import org.jooq.Record;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * Issue 27's campaign, of the project's own: seeded, bounded, mutated requests against every REST
 * endpoint and socket command of one assembled standalone service over real HTTP and WebSocket. It
 * checks that nothing answers 5xx, that every refusal has the contract's shape and a known code and
 * discloses nothing internal, that no frame gets more than one ERROR and only an oversized one closes
 * its socket (1009), that nothing invalid or forged is stored (read back from the database), that a
 * bystander's socket still gets the room's messages, and that health is up at the end.
 *
 * <p>CI runs a fixed seed and a bounded count. By hand, with a random seed and more of each:
 * {@code ./mvnw -B verify -pl chat-bootstrap -am -Dtest=HostileInputFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dchat.fuzz.seed=random -Dchat.fuzz.rest=10000 -Dchat.fuzz.frames=10000}. A failure names its seed.
 */
@Tag("fuzz")
@ExtendWith(SharedStandaloneService.class)
class HostileInputFuzzTest {

    static final long CI_SEED = 27;
    static final int CI_REQUESTS = 1_500;
    static final int CI_FRAMES = 1_500;

    /** The contract's codes, and the one this project adds for 406 (docs/rest-api.md). */
    static final Set<String> KNOWN_CODES = Set.of("VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND",
            "METHOD_NOT_ALLOWED", "CONFLICT", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE", "RATE_LIMITED", "UNAVAILABLE",
            "INTERNAL", "NOT_ACCEPTABLE");
    /** Words that only internals would put in an answer: stack frames, class and package names, SQL, pages. */
    static final List<String> INTERNALS = List.of("Exception", "\tat ", "at org.", "at io.", "java.", "jakarta.", "org.springframework",
            "org.apache", "tools.jackson", "jooq", "SQLState", "syntax to use near", "<html", "<!doctype", "\"trace\"");
    /** Spring Boot's own error body ({@code {timestamp, status, error, path}}); socket ERRORs carry the guide's timestamp. */
    static final List<String> SPRING_ERROR_SHAPE = List.of("\"timestamp\"", "\"path\"", "\"status\"");
    private static final Logger log = LoggerFactory.getLogger(HostileInputFuzzTest.class);
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(15);
    private static final int MARKER_BASE = 1_900_000_000;

    @Test
    void hostileRequestsAndFramesGetTheContractsAnswersAndChangeNothingThatMatters(StandaloneService chat) throws Exception {
        String seedProperty = System.getProperty("chat.fuzz.seed", Long.toString(CI_SEED));
        long seed = "random".equals(seedProperty) ? ThreadLocalRandom.current().nextLong() : Long.parseLong(seedProperty);
        int requests = Integer.getInteger("chat.fuzz.rest", CI_REQUESTS);
        int frames = Integer.getInteger("chat.fuzz.frames", CI_FRAMES);
        Campaign campaign = new Campaign(chat, seed);
        long started = System.nanoTime();
        try {
            campaign.run(requests, frames);
        } catch (Throwable failure) {
            campaign.failures.add("aborted: " + failure);
            log.error("Fuzz campaign with seed {} aborted", seed, failure);
        }
        log.info("{} in {} s", campaign.figures(requests, frames), Duration.ofNanos(System.nanoTime() - started).toSeconds());
        campaign.failures.stream().limit(200).forEach(problem -> log.warn("Fuzz problem: {}", problem));
        if (!campaign.failures.isEmpty()) {
            throw new AssertionError("Fuzz campaign with seed " + seed + " found " + campaign.failures.size() + " problem(s); rerun with "
                    + "-Dchat.fuzz.seed=" + seed + " -Dchat.fuzz.rest=" + requests + " -Dchat.fuzz.frames=" + frames + "\n"
                    + String.join("\n", campaign.failures.subList(0, Math.min(20, campaign.failures.size()))));
        }
    }

    /** Who the campaign acts as, and who may have written to which ticket. */
    private record Person(long id, String type, String name, String token) {
    }

    private static final class Campaign {

        final StandaloneService chat;
        final long seed;
        final Mutations m;
        final RawHttp http;
        final List<String> failures = new ArrayList<>();
        final Map<String, Integer> byStatusClass = new TreeMap<>();
        final Map<String, Integer> byCode = new TreeMap<>();
        final Map<String, Integer> frameOutcomes = new TreeMap<>();
        int rowsChecked;
        int markers;

        final long mine;
        final long alsoMine;
        final long foreign;
        final Person agent;
        final Person customer;
        final Person otherCustomer;
        final Person bystanderAgent;
        final List<String> badTokens;

        Campaign(StandaloneService chat, long seed) {
            this.chat = chat;
            this.seed = seed;
            this.m = new Mutations(new SplittableRandom(seed));
            this.http = new RawHttp(chat.port());
            mine = chat.newTicket();
            alsoMine = chat.newTicket();
            foreign = chat.newTicket();
            long base = 720_000 + Math.floorMod(seed, 100_000) * 10;
            agent = new Person(base + 1, "agent", "Fuzz Agent", chat.tokens().agent(base + 1, "Fuzz Agent"));
            customer = new Person(base + 2, "customer", "Fuzz Customer", chat.tokens().customer(base + 2, "Fuzz Customer", mine, alsoMine));
            otherCustomer = new Person(base + 3, "customer", "Other Customer", chat.tokens().customer(base + 3, "Other Customer", foreign));
            bystanderAgent = new Person(base + 4, "agent", "Bystander", chat.tokens().agent(base + 4, "Bystander"));
            badTokens = List.of(
                    chat.tokens().token().subject(base + 1).userType("agent").name("Fuzz Agent").expiresAt(Instant.now().minusSeconds(3600)).sign(),
                    chat.tokens().token().subject(base + 1).userType("agent").name("Fuzz Agent").signedWith("another-secret-another-secret-0123456789").sign(),
                    chat.tokens().token().subject(base + 1).userType("agent").name("Fuzz Agent").unsigned(),
                    chat.tokens().token().subject(base + 1).userType("agent").name("Fuzz Agent").withoutExpiry().sign(),
                    chat.tokens().token().subject(base + 1).userType("admin").name("Fuzz Agent").sign(),
                    chat.tokens().token().subject(base + 1).userType("agent").name("\u200B").sign(),
                    chat.tokens().token().subject("-5").userType("agent").name("Fuzz Agent").sign(),
                    "abc.def.ghi", "", "x".repeat(9_000));
        }

        void run(int requests, int frames) throws Exception {
            try (ChatSocket bystander = ChatSocket.withBearer(chat.port(), bystanderAgent.token())) {
                bystander.send("{\"type\":\"JOIN_TICKET\",\"ticketId\":" + mine + "}");
                check(!bystander.until(f -> "JOINED_ROOM".equals(f.path("type").asString("")), ANSWER_WITHIN).isEmpty(),
                        "the bystander could not join");
                for (int i = 0; i < requests; i++) {
                    rest(i);
                }
                sockets(frames);
                afterwards(bystander);
            }
        }

        // ---------------------------------------------------------------- REST

        private void rest(int index) {
            String method;
            String target;
            Object body = null;
            switch (m.between(0, 9)) {
                case 0 -> {
                    method = "GET";
                    target = "/api/chat/messages/" + pathId() + query();
                }
                case 1, 2 -> {
                    method = "POST";
                    target = "/api/chat/messages";
                    body = messageBody();
                }
                case 3 -> {
                    method = "PUT";
                    target = "/api/chat/messages/read/" + pathId();
                    body = m.chance(0.3) ? null : m.mutate(identity(new LinkedHashMap<>(), "userId", "userType", null));
                }
                case 4 -> {
                    method = "GET";
                    target = "/api/chat/unread/" + pathId() + "/" + m.pick(List.of("agent", "customer", "AGENT", "admin", "%00", "", "1"));
                }
                case 5 -> {
                    method = "POST";
                    target = "/api/chat/session";
                    body = m.mutate(identity(withTicket(new LinkedHashMap<>()), "userId", "userType", "userName"));
                }
                case 6 -> {
                    method = "PUT";
                    target = "/api/chat/typing";
                    Map<String, Object> typing = new LinkedHashMap<>();
                    typing.put("sessionId", m.chance(0.5) ? "session_" + mine + "_" + m.between(0, 1000) : m.text());
                    typing.put("isTyping", m.chance(0.8) ? m.chance(0.5) : m.anyValue());
                    body = m.mutate(identity(typing, "userId", "userType", null));
                }
                case 7 -> {
                    method = "POST";
                    target = "/api/chat/ws-ticket";
                    body = m.chance(0.5) ? null : m.anyValue();
                }
                default -> {
                    method = m.pick(List.of("DELETE", "PATCH", "PUT", "POST", "OPTIONS", "TRACE", "HEAD", "FOO", "GET"));
                    target = m.pick(List.of("/api/chat/messages", "/api/chat/messages/" + mine, "/api/chat", "/api/chat/",
                            "/api/chat/unknown", "/api/chat/demo/token?ticketId=" + mine + "&userType=agent", "/api/chat/messages/read",
                            "/ws/chat", "/ws/chat?ticket=" + m.pick(Mutations.QUERY_VALUES)));
                }
            }
            Map<String, String> headers = new LinkedHashMap<>();
            String token = token();
            if (token != null) {
                headers.put("Authorization", m.chance(0.95) ? "Bearer " + token : m.pick(List.of("Basic YTpi", "Bearer", "bearer " + token)));
            }
            byte[] bytes = null;
            if (body != null || (!method.equals("GET") && m.chance(0.2))) {
                String json = Json.write(body);
                bytes = m.chance(0.15) ? m.damage(json) : json.getBytes(StandardCharsets.UTF_8);
                headers.put("Content-Type", m.chance(0.8) ? "application/json" : m.pick(Mutations.CONTENT_TYPES));
            }
            if (m.chance(0.05)) {
                headers.put("Accept", m.pick(List.of("text/html", "application/xml", "*/*", "application/json;q=0", "")));
            }
            if (m.chance(0.01)) {
                headers.put("X-Filler", "y".repeat(9_000));
            }
            RawHttp.Response response = http.send(method, target, headers, bytes);
            String label = "REST #" + index + " " + method + " " + abbreviate(target) + " -> " + response.status();
            count(byStatusClass, response.status() / 100 + "xx");
            check(response.status() >= 200 && response.status() < 500, label + ": status " + response.status() + " " + abbreviate(response.body()));
            if (response.status() >= 400 && !method.equals("HEAD")) {
                refusal(label, response.contentType(), response.body());
            }
        }

        private void refusal(String label, String contentType, String body) {
            check(contentType.startsWith("application/json"), label + ": content type " + contentType + " " + abbreviate(body));
            JsonNode json;
            try {
                json = JSON.readTree(body);
            } catch (RuntimeException notJson) {
                failures.add(label + ": not JSON: " + abbreviate(body));
                return;
            }
            String code = json.path("error").path("code").asString("");
            count(byCode, code);
            check(json.path("success").isBoolean() && !json.path("success").asBoolean(), label + ": success is not false: " + abbreviate(body));
            check(json.path("message").isString(), label + ": no message: " + abbreviate(body));
            check(KNOWN_CODES.contains(code), label + ": unknown code " + abbreviate(body));
            internals(label, body);
            SPRING_ERROR_SHAPE.forEach(field -> check(!body.contains(field), label + ": Spring's error shape: " + abbreviate(body)));
        }

        private Map<String, Object> messageBody() {
            Map<String, Object> body = withTicket(new LinkedHashMap<>());
            body.put("message", m.text());
            if (m.chance(0.3)) {
                body.put("messageType", m.pick(List.of("text", "system", "status_update", "typing_indicator", "TEXT")));
            }
            if (m.chance(0.3)) {
                body.put("clientMessageId", m.pick(List.of("c-" + m.between(0, 50), "", "c".repeat(65), "has space", "\u00E9", "ok-1")));
            }
            if (m.chance(0.1)) {
                body.put("parentMessageId", m.pick(List.of(1, 0, -1, 2_000_000_000, "x")));
            }
            return m.mutate(identity(body, "senderId", "senderType", "senderName"));
        }

        private Map<String, Object> withTicket(Map<String, Object> body) {
            body.put("ticketId", m.chance(0.8) ? ticket() : m.anyValue());
            return body;
        }

        /** Identity claims: absent, the truth of some person, or a forgery. */
        private Map<String, Object> identity(Map<String, Object> body, String idField, String typeField, String nameField) {
            if (m.chance(0.5)) {
                return body;
            }
            Person claimed = m.pick(List.of(agent, customer, otherCustomer, bystanderAgent));
            body.put(idField, m.chance(0.9) ? claimed.id() : m.anyValue());
            body.put(typeField, m.chance(0.9) ? claimed.type() : m.anyValue());
            if (nameField != null && m.chance(0.7)) {
                body.put(nameField, m.chance(0.8) ? claimed.name() : m.text());
            }
            return body;
        }

        private long ticket() {
            return m.pick(List.of(mine, mine, alsoMine, foreign, 2_000_000_000L));
        }

        private String pathId() {
            return m.chance(0.6) ? Long.toString(ticket()) : m.pick(Mutations.PATH_TRICKS);
        }

        private String query() {
            if (m.chance(0.5)) {
                return "";
            }
            StringBuilder query = new StringBuilder("?");
            int parameters = m.between(1, 4);
            for (int i = 0; i < parameters; i++) {
                query.append(i == 0 ? "" : "&").append(m.pick(List.of("limit", "beforeId", "afterId", "limit", "x", "%ff", "[]", "limit[]")))
                        .append('=').append(m.pick(Mutations.QUERY_VALUES));
            }
            return query.toString();
        }

        private String token() {
            double roll = m.between(0, 100);
            if (roll < 40) {
                return agent.token();
            }
            if (roll < 65) {
                return customer.token();
            }
            if (roll < 78) {
                return otherCustomer.token();
            }
            if (roll < 85) {
                return null;
            }
            return m.pick(badTokens);
        }

        // ---------------------------------------------------------------- WebSocket

        private void sockets(int frames) throws Exception {
            List<Person> people = List.of(agent, customer, otherCustomer);
            Map<Person, ChatSocket> open = new LinkedHashMap<>();
            try {
                for (int i = 0; i < frames; i++) {
                    Person sender = m.pick(people);
                    ChatSocket socket = open.get(sender);
                    if (socket == null || !socket.isOpen()) {
                        socket = ChatSocket.withBearer(chat.port(), sender.token());
                        open.put(sender, socket);
                    }
                    frame(i, socket);
                }
            } finally {
                open.values().forEach(ChatSocket::close);
            }
        }

        private void frame(int index, ChatSocket socket) throws Exception {
            String label = "frame #" + index;
            double roll = m.between(0, 1000);
            if (roll < 5) {
                label += " oversized";
                if (m.chance(0.5)) {
                    socket.send("{\"type\":\"PING\",\"x\":\"" + "x".repeat(130 * 1024) + "\"}");
                } else {
                    // Up to a quarter MiB over: a client still sending much more after the server's 1009 may see its
                    // connection reset before it reads the close frame (seen once in 49 with 1 MiB frames; BadInputTest
                    // covers 1 MiB on its own).
                    socket.sendBinary(new byte[m.between(129 * 1024, 384 * 1024)]);
                }
                List<JsonNode> answers = socket.until(f -> false, Duration.ofSeconds(1));
                Integer code = socket.closeCode().get(10, java.util.concurrent.TimeUnit.SECONDS);
                count(frameOutcomes, "closed " + code);
                check(code == 1009, label + ": closed with " + code + ", not 1009");
                check(answers.stream().noneMatch(f -> "ERROR".equals(f.path("type").asString(""))), label + ": answered with ERROR");
                return;
            }
            if (roll < 60) {
                label += " binary";
                byte[] bytes = new byte[m.between(0, 8_000)];
                new SplittableRandom(index).nextBytes(bytes);
                socket.sendBinary(bytes);
                count(frameOutcomes, "binary");
            } else {
                String text = textFrame();
                label += " " + abbreviate(text);
                socket.send(text);
            }
            int marker = MARKER_BASE + markers++;
            socket.send("{\"type\":\"LEAVE_TICKET\",\"ticketId\":" + marker + "}");
            List<JsonNode> answers = socket.until(f -> "LEFT_ROOM".equals(f.path("type").asString("")) && f.path("ticketId").asLong() == marker,
                    ANSWER_WITHIN);
            if (!socket.isOpen()) {
                failures.add(label + ": closed the socket with " + socket.closeCode().getNow(null));
                return;
            }
            check(!answers.isEmpty() && answers.getLast().path("ticketId").asLong() == marker, label + ": no answer within " + ANSWER_WITHIN);
            check(socket.notJson() == null, label + ": a frame that is not JSON: " + abbreviate(socket.notJson()));
            List<JsonNode> errors = answers.stream().filter(f -> "ERROR".equals(f.path("type").asString(""))).toList();
            check(errors.size() <= 1, label + ": " + errors.size() + " ERRORs for one frame");
            for (JsonNode error : errors) {
                String code = error.path("code").asString("");
                count(frameOutcomes, "ERROR " + code);
                check(KNOWN_CODES.contains(code), label + ": unknown code " + error);
                internals(label, error.toString());
            }
            if (errors.isEmpty()) {
                count(frameOutcomes, "no ERROR");
            }
        }

        private String textFrame() {
            Map<String, Object> frame = new LinkedHashMap<>();
            String type = m.chance(0.9)
                    ? m.pick(List.of("JOIN_TICKET", "LEAVE_TICKET", "SEND_MESSAGE", "SEND_MESSAGE", "TYPING", "STOP_TYPING", "MARK_READ", "PING"))
                    : m.pick(List.of("DELETE_EVERYTHING", "", "send_message", "NEW_MESSAGE", "ERROR", "JOIN_TICKET\u0000"));
            frame.put("type", m.chance(0.97) ? type : m.anyValue());
            if (!type.equals("PING") || m.chance(0.2)) {
                frame.put("ticketId", m.chance(0.8) ? ticket() : m.chance(0.5) ? m.pick(Mutations.PATH_TRICKS) : m.anyValue());
            }
            switch (type) {
                case "SEND_MESSAGE" -> {
                    frame.put("message", m.text());
                    if (m.chance(0.3)) {
                        frame.put("clientMessageId", m.pick(List.of("s-" + m.between(0, 50), "", "c".repeat(65), "\u00E9", "ok")));
                    }
                    if (m.chance(0.2)) {
                        frame.put("messageType", m.pick(List.of("text", "system", "status_update", "typing_indicator")));
                    }
                    if (m.chance(0.1)) {
                        frame.put("parentMessageId", m.pick(List.of(1, 0, -1, 2_000_000_000, "x")));
                    }
                }
                case "JOIN_TICKET" -> {
                    if (m.chance(0.5)) {
                        frame.put("lastMessageId", m.pick(List.of(0, 1, -1, 2_000_000_000, "7", "x", 1.5)));
                    }
                }
                default -> {
                }
            }
            if (m.chance(0.3)) {
                Person claimed = m.pick(List.of(agent, customer, otherCustomer));
                frame.put("userId", m.chance(0.9) ? claimed.id() : m.anyValue());
                frame.put("userType", m.chance(0.9) ? claimed.type() : m.anyValue());
                frame.put(claimed.type().equals("agent") ? "agentName" : "customerName", m.chance(0.8) ? claimed.name() : m.text());
            }
            String json = Json.write(m.mutate(frame));
            return m.chance(0.12) ? m.damageText(json) : json;
        }

        // ---------------------------------------------------------------- afterwards

        private void afterwards(ChatSocket bystander) throws Exception {
            storedRows();
            check(bystander.isOpen(), "the bystander's socket was closed: " + bystander.closeCode().getNow(null));
            String last = "after the campaign " + seed;
            RawHttp.Response posted = http.send("POST", "/api/chat/messages", Map.of("Authorization", "Bearer " + customer.token(),
                    "Content-Type", "application/json"), Json.write(Map.of("ticketId", mine, "message", last)).getBytes(StandardCharsets.UTF_8));
            check(posted.status() == 201, "the last message was not stored: " + posted.status() + " " + abbreviate(posted.body()));
            List<JsonNode> seen = bystander.until(f -> "NEW_MESSAGE".equals(f.path("type").asString("")) && last.equals(f.path("message").asString("")),
                    ANSWER_WITHIN);
            check(!seen.isEmpty() && last.equals(seen.getLast().path("message").asString("")), "the bystander did not get the last message");
            RawHttp.Response health = http.get("/actuator/health", Map.of());
            check(health.status() == 200 && health.body().contains("\"UP\""), "health is not up: " + health.status() + " " + health.body());
        }

        /** Every stored message follows today's text rules; on the campaign's tickets, each was written by someone allowed to. */
        private void storedRows() {
            var rows = chat.database().dsl().select(field(name("id")), field(name("ticket_id")), field(name("sender_type")),
                    field(name("sender_id")), field(name("sender_name")), field(name("message"))).from(table(name("chat_messages"))).fetch();
            for (Record row : rows) {
                rowsChecked++;
                String where = "row " + row.get(0) + " of ticket " + row.get(1);
                String text = row.get(5, String.class);
                String senderName = row.get(4, String.class);
                try {
                    MessageText.of(text);
                    DisplayName.of(senderName);
                } catch (DomainValidationException e) {
                    failures.add(where + ": stored although invalid (" + e.getMessage() + "): " + abbreviate(Json.write(text)));
                }
                long ticket = row.get(1, Long.class);
                if ((ticket == mine || ticket == alsoMine || ticket == foreign) && !"system".equals(row.get(2, String.class))) {
                    Long writerId = row.get(3, Long.class);
                    Person writer = new Person(writerId == null ? -1 : writerId, row.get(2, String.class), senderName, null);
                    List<Person> allowed = ticket == foreign ? List.of(agent, otherCustomer) : List.of(agent, customer);
                    check(allowed.stream().anyMatch(p -> p.id() == writer.id() && p.type().equals(writer.type()) && p.name().equals(writer.name())),
                            where + ": written by " + writer.type() + " " + writer.id() + " " + writer.name() + ", who may not");
                }
            }
        }

        // ---------------------------------------------------------------- helpers

        private void internals(String label, String answer) {
            for (String internal : INTERNALS) {
                check(!answer.contains(internal), label + ": discloses \"" + internal + "\": " + abbreviate(answer));
            }
        }

        private void check(boolean holds, String problem) {
            if (!holds) {
                failures.add(problem);
            }
        }

        private static void count(Map<String, Integer> counts, String key) {
            counts.merge(key, 1, Integer::sum);
        }

        private static String abbreviate(String text) {
            if (text == null) {
                return "null";
            }
            String oneLine = text.replace("\n", "\\n");
            return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 160) + "…(" + oneLine.length() + ")";
        }

        String figures(int requests, int frames) {
            return "Fuzz campaign: seed " + seed + ", " + requests + " REST requests " + byStatusClass + ", refusal codes " + byCode
                    + "; " + frames + " frames " + frameOutcomes + "; " + rowsChecked + " stored rows checked; " + failures.size() + " problem(s)";
        }
    }
}
