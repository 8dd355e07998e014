package io.ticketchat.web.rest;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import java.security.Principal;
import java.time.Duration;
import java.util.Optional;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Malformed, oversized and ill-typed requests each get a clear 4xx in the contract's shape, and store nothing. */
class HostileInputTest extends RestSliceTest {

    @Test
    void malformedAndTruncatedJsonIs400() throws Exception {
        long ticket = newTicket();
        for (String body : new String[] {"{\"ticketId\":" + ticket + ",", "{\"ticketId\":" + ticket + ",\"message\":\"hi\"} trailing",
                "{'ticketId':1}", "{\"ticketId\":" + ticket + ",\"message\":\"unterminated}", "\u0000"}) {
            expectMalformed(postJson("/api/chat/messages", agentSmith(), body), "is not well-formed JSON");
        }
        getAs("/api/chat/messages/" + ticket, agentSmith()).andExpect(jsonPath("$.data", hasSize(0)));
    }

    @Test
    void bytesThatAreNotUtf8Are400() throws Exception {
        byte[] prefix = "{\"ticketId\":1,\"message\":\"".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = java.util.Arrays.copyOf(prefix, prefix.length + 3);
        body[prefix.length] = (byte) 0xC3;
        body[prefix.length + 1] = (byte) 0x28;
        body[prefix.length + 2] = '"';
        mvc.perform(post("/api/chat/messages").principal(agentSmith()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value("VALIDATION_FAILED"));
    }

    @Test
    void aMissingBodyOrANonObjectBodyIs400() throws Exception {
        mvc.perform(post("/api/chat/messages").principal(agentSmith()).contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.fields[0].field").value("body"))
                .andExpect(jsonPath("$.error.fields[0].reason").value("is required"));
        postJson("/api/chat/messages", agentSmith(), "[]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.fields[0].reason").value("must be a JSON object"));
        postJson("/api/chat/messages", agentSmith(), "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.fields[*].field").value(org.hamcrest.Matchers.contains("ticketId", "message")));
    }

    @Test
    void deepNestingIsRefusedByTheParser() throws Exception {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        expectMalformed(postJson("/api/chat/messages", agentSmith(), "{\"ticketId\":1,\"extra\":" + deep + "}"),
                "exceeds the JSON limits (nesting depth 64, numbers of 32 characters, strings of 65536 characters)");
        String deepest = "{\"a\":".repeat(63) + "1" + "}".repeat(63);
        postJson("/api/chat/messages", agentSmith(), "{\"ticketId\":1,\"extra\":" + deepest + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.fields[0].field").value("message"));
        String justTooDeep = "{\"a\":".repeat(64) + "1" + "}".repeat(64);
        expectMalformed(postJson("/api/chat/messages", agentSmith(), "{\"ticketId\":1,\"extra\":" + justTooDeep + "}"),
                "exceeds the JSON limits");
    }

    @Test
    void hugeNumbersAreRefusedByTheParser() throws Exception {
        String digits = "9".repeat(2_000);
        expectMalformed(postJson("/api/chat/messages", agentSmith(), "{\"ticketId\":" + digits + ",\"message\":\"hi\"}"),
                "exceeds the JSON limits");
        expectMalformed(postJson("/api/chat/messages", agentSmith(), "{\"ticketId\":1,\"message\":\"hi\",\"unknown\":" + digits + "}"),
                "exceeds the JSON limits");
    }

    @Test
    void wrongTypesAreReportedPerField() throws Exception {
        long ticket = newTicket();
        String[][] cases = {
                {"{\"ticketId\":\"" + ticket + "\",\"message\":\"hi\"}", "ticketId"},
                {"{\"ticketId\":true,\"message\":\"hi\"}", "ticketId"},
                {"{\"ticketId\":{},\"message\":\"hi\"}", "ticketId"},
                {"{\"ticketId\":1.5,\"message\":\"hi\"}", "ticketId"},
                {"{\"ticketId\":" + ticket + ",\"message\":123}", "message"},
                {"{\"ticketId\":" + ticket + ",\"message\":true}", "message"},
                {"{\"ticketId\":" + ticket + ",\"message\":[\"hi\"]}", "message"},
                {"{\"ticketId\":" + ticket + ",\"message\":\"hi\",\"senderId\":\"1\"}", "senderId"},
                {"{\"ticketId\":" + ticket + ",\"message\":\"hi\",\"senderType\":7}", "senderType"},
                {"{\"ticketId\":" + ticket + ",\"message\":\"hi\",\"parentMessageId\":\"x\"}", "parentMessageId"},
                {"{\"ticketId\":" + ticket + ",\"message\":\"hi\",\"clientMessageId\":5}", "clientMessageId"}};
        for (String[] bad : cases) {
            postJson("/api/chat/messages", agentSmith(), bad[0])
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.error.fields[0].field").value(bad[1]));
        }
        postJson("/api/chat/messages", agentSmith(), "{\"ticketId\":9223372036854775808,\"message\":\"hi\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.fields[0].field").value("ticketId"));
        putJson("/api/chat/typing", agentSmith(), "{\"sessionId\":\"s\",\"isTyping\":1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.fields[0].field").value("isTyping"));
        getAs("/api/chat/messages/" + ticket, agentSmith()).andExpect(jsonPath("$.data", hasSize(0)));
    }

    /** Issue 15 item 7: invisible-only text was stored and shown as an empty bubble. */
    @Test
    void invisibleOnlyTextAndControlCharactersAreRefused() throws Exception {
        long ticket = newTicket();
        for (String text : new String[] {"\\u200B", "\\u2060", "\\u202E", " \\u00A0 ", "\\uFEFF\\u200D\\uFE0F", "a\\u001Bb"}) {
            postJson("/api/chat/messages", agentSmith(), "{\"ticketId\":" + ticket + ",\"message\":\"" + text + "\"}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.error.fields[0].field").value("message"));
        }
        getAs("/api/chat/messages/" + ticket, agentSmith()).andExpect(jsonPath("$.data", hasSize(0)));
    }

    @Test
    void aOneMegabyteBodyIs413() throws Exception {
        long ticket = newTicket();
        String huge = "{\"ticketId\":" + ticket + ",\"message\":\"" + "x".repeat(1024 * 1024) + "\"}";
        postJson("/api/chat/messages", agentSmith(), huge)
                .andExpect(status().isContentTooLarge())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(jsonPath("$.success").value(false))
                .andExpect(jsonPath("$.error.code").value("PAYLOAD_TOO_LARGE"))
                .andExpect(jsonPath("$.error.maxBytes").value(131072));
        getAs("/api/chat/messages/" + ticket, agentSmith()).andExpect(jsonPath("$.data", hasSize(0)));
    }

    @Test
    void wrongContentTypesAre415() throws Exception {
        for (MediaType type : new MediaType[] {MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML, MediaType.APPLICATION_FORM_URLENCODED}) {
            mvc.perform(post("/api/chat/messages").principal(agentSmith()).contentType(type).content("{\"ticketId\":1,\"message\":\"hi\"}"))
                    .andExpect(status().isUnsupportedMediaType())
                    .andExpect(jsonPath("$.error.code").value("UNSUPPORTED_MEDIA_TYPE"));
        }
        mvc.perform(post("/api/chat/messages").principal(agentSmith()).content("{\"ticketId\":1,\"message\":\"hi\"}"))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/chat/messages/read/1")
                        .principal(agentSmith()).contentType(MediaType.TEXT_PLAIN).content("userId=1"))
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void unsupportedMethodsAre405WithAllow() throws Exception {
        mvc.perform(delete("/api/chat/messages/1").principal(agentSmith()))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", "GET"))
                .andExpect(jsonPath("$.error.code").value("METHOD_NOT_ALLOWED"));
        mvc.perform(get("/api/chat/messages").principal(agentSmith()))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", "POST"));
        // The ticket endpoint is the chat's own in every deployment now: there, but POST only.
        mvc.perform(get("/api/chat/ws-ticket").principal(agentSmith()))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", "POST"));
    }

    @Test
    void unknownRoutesUnderTheApiAre404InTheSameShape() throws Exception {
        for (String path : new String[] {"/api/chat/nope", "/api/chat", "/api/chat/messages/1/2/3"}) {
            mvc.perform(get(path).principal(agentSmith()))
                    .andExpect(status().isNotFound())
                    .andExpect(header().string("Content-Type", "application/json"))
                    .andExpect(jsonPath("$.success").value(false))
                    .andExpect(jsonPath("$.message").value("No such endpoint"))
                    .andExpect(jsonPath("$.error.code").value("NOT_FOUND"));
        }
    }

    @Test
    void clientsThatAcceptNoJsonAre406() throws Exception {
        mvc.perform(get("/api/chat/messages/" + newTicket()).principal(agentSmith()).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotAcceptable())
                .andExpect(jsonPath("$.error.code").value("NOT_ACCEPTABLE"));
    }

    @Test
    void everyAnswerForbidsSniffingAndCaching() throws Exception {
        long ticket = newTicket();
        for (ResultActions result : new ResultActions[] {
                getAs("/api/chat/messages/" + ticket, agentSmith()),
                getAs("/api/chat/messages/" + ticket, null),
                getAs("/api/chat/unknown", agentSmith()),
                postJson("/api/chat/messages", agentSmith(), "{")}) {
            result.andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("Cache-Control", "no-store"));
        }
    }

    @Test
    void sendingTooFastIs429WithRetryAfter() throws Exception {
        long ticket = newTicket();
        Principal agent = agentSmith();
        core.rateLimiter = caller -> Optional.of(Duration.ofMillis(2_500));
        try {
            postMessage(agent, ticket, "spam")
                    .andExpect(status().isTooManyRequests())
                    .andExpect(header().string("Retry-After", "2"))
                    .andExpect(jsonPath("$.error.code").value("RATE_LIMITED"))
                    .andExpect(jsonPath("$.error.retryAfterSeconds").value(2))
                    .andExpect(jsonPath("$.message", containsString("try again")));
        } finally {
            core.rateLimiter = io.ticketchat.application.port.out.SendRateLimiter.UNLIMITED;
        }
        getAs("/api/chat/messages/" + ticket, agent).andExpect(jsonPath("$.data", hasSize(0)));
    }

    private static void expectMalformed(ResultActions result, String reason) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.success").value(false))
                .andExpect(jsonPath("$.message").value("Malformed JSON request body"))
                .andExpect(jsonPath("$.error.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.error.fields[0].field").value("body"))
                .andExpect(jsonPath("$.error.fields[0].reason").value(containsString(reason)));
    }
}
