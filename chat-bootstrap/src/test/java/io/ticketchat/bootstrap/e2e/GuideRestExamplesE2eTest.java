package io.ticketchat.bootstrap.e2e;

import io.ticketchat.bootstrap.testsupport.ChatApi;
import io.ticketchat.bootstrap.testsupport.SharedStandaloneService;
import io.ticketchat.bootstrap.testsupport.StandaloneService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The six endpoints of the chat system guide, called with the guide's example bodies exactly as
 * printed there (plus the bearer token), on the standalone service over a real port and database.
 * The guide's bodies name ticket 1, user 1 "Agent Smith"; the agent's token says the same.
 */
@ExtendWith(SharedStandaloneService.class)
class GuideRestExamplesE2eTest {

    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    /** POST /api/chat/messages, request body of the guide. */
    static final String POST_MESSAGE = """
            {
              "ticketId": 1,
              "senderType": "agent",
              "senderId": 1,
              "senderName": "Agent Smith",
              "message": "Hello! How can I help you?",
              "messageType": "text",
              "parentMessageId": null
            }""";

    /** PUT /api/chat/messages/read/:ticketId, request body of the guide. */
    static final String MARK_READ = """
            {
              "userId": 1,
              "userType": "agent"
            }""";

    /** POST /api/chat/session, request body of the guide. */
    static final String OPEN_SESSION = """
            {
              "ticketId": 1,
              "userId": 1,
              "userType": "agent",
              "userName": "Agent Smith"
            }""";

    /** PUT /api/chat/typing, request body of the guide. */
    static final String TYPING = """
            {
              "sessionId": "session_1_1234567890",
              "userId": 1,
              "userType": "agent",
              "isTyping": true
            }""";

    private ChatApi agent;
    private ChatApi customer;
    private StandaloneService service;

    @BeforeEach
    void callers(StandaloneService service) {
        this.service = service;
        agent = ChatApi.bearer(service.port(), service.tokens().agent(1, "Agent Smith"));
        customer = ChatApi.bearer(service.port(), service.tokens().customer(2, "John Doe", StandaloneService.GUIDE_TICKET));
    }

    @Test
    void postMessageAnswers201WithTheGuidesEnvelope() {
        ChatApi.Response response = agent.post("/api/chat/messages", POST_MESSAGE);

        assertThat(response.status()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(body.path("success").asBoolean()).isTrue();
        assertThat(body.path("message").asString()).isEqualTo("Chat message added successfully");
        JsonNode data = body.path("data");
        assertThat(data.path("id").asLong()).isPositive();
        assertThat(data.path("ticket_id").asLong()).isEqualTo(1);
        assertThat(data.path("sender_type").asString()).isEqualTo("agent");
        assertThat(data.path("sender_name").asString()).isEqualTo("Agent Smith");
        assertThat(data.path("message").asString()).isEqualTo("Hello! How can I help you?");
        assertThat(data.path("created_at").asString()).matches(TIMESTAMP);
    }

    @Test
    void repeatingAPostWithTheSameClientMessageIdAnswers200WithTheOriginal() {
        String withKey = POST_MESSAGE.replace("\"parentMessageId\": null",
                "\"parentMessageId\": null,\n  \"clientMessageId\": \"guide-repeat-" + System.nanoTime() + "\"");

        ChatApi.Response first = agent.post("/api/chat/messages", withKey);
        ChatApi.Response repeat = agent.post("/api/chat/messages", withKey);

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json().path("data").path("id").asLong()).isEqualTo(first.json().path("data").path("id").asLong());
        long stored = agent.get("/api/chat/messages/1?limit=500").json().path("data").valueStream()
                .filter(m -> m.path("id").asLong() == first.json().path("data").path("id").asLong()).count();
        assertThat(stored).isOne();
    }

    @Test
    void listMessagesAnswersTheGuidesShapeWithTheTicket() {
        long posted = agent.post("/api/chat/messages", POST_MESSAGE).json().path("data").path("id").asLong();

        ChatApi.Response response = agent.get("/api/chat/messages/1");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("success").asBoolean()).isTrue();
        assertThat(body.path("ticket").path("id").asLong()).isEqualTo(1);
        assertThat(body.path("ticket").path("name").asString()).isEqualTo("John Doe");
        assertThat(body.path("ticket").path("issue_title").asString()).isEqualTo("Technical Issue");
        JsonNode message = body.path("data").valueStream().filter(m -> m.path("id").asLong() == posted).findFirst().orElseThrow();
        assertThat(message.path("ticket_id").asLong()).isEqualTo(1);
        assertThat(message.path("sender_type").asString()).isEqualTo("agent");
        assertThat(message.path("sender_id").asLong()).isEqualTo(1);
        assertThat(message.path("sender_name").asString()).isEqualTo("Agent Smith");
        assertThat(message.path("message").asString()).isEqualTo("Hello! How can I help you?");
        assertThat(message.path("message_type").asString()).isEqualTo("text");
        assertThat(message.path("is_read").asBoolean()).isFalse();
        assertThat(message.path("read_at").isNull()).isTrue();
        assertThat(message.path("is_edited").asBoolean()).isFalse();
        assertThat(message.path("edited_at").isNull()).isTrue();
        assertThat(message.path("parent_message_id").isNull()).isTrue();
        assertThat(message.path("created_at").asString()).matches(TIMESTAMP);
        assertThat(message.path("updated_at").asString()).matches(TIMESTAMP);
    }

    @Test
    void unreadCountAndMarkReadWithTheGuidesBody() {
        customer.post("/api/chat/messages", "{\"ticketId\": 1, \"message\": \"My printer is on fire\"}");
        long unread = agent.get("/api/chat/unread/1/agent").json().path("data").path("unreadCount").asLong();
        assertThat(unread).isPositive();

        ChatApi.Response read = agent.put("/api/chat/messages/read/1", MARK_READ);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("success").asBoolean()).isTrue();
        assertThat(read.json().path("data").path("markedCount").asLong()).isEqualTo(unread);
        ChatApi.Response after = agent.get("/api/chat/unread/1/agent");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().path("success").asBoolean()).isTrue();
        assertThat(after.json().path("data").path("unreadCount").asLong()).isZero();
    }

    @Test
    void theCustomerCountsTheAgentsUnreadMessages() {
        agent.post("/api/chat/messages", POST_MESSAGE);

        ChatApi.Response response = customer.get("/api/chat/unread/1/customer");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("data").path("unreadCount").asLong()).isPositive();
    }

    @Test
    void sessionThenTypingWithTheGuidesBodies() {
        ChatApi.Response created = agent.post("/api/chat/session", OPEN_SESSION);
        ChatApi.Response joined = agent.post("/api/chat/session", OPEN_SESSION);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("data").path("created").asBoolean()).isTrue();
        assertThat(joined.status()).isEqualTo(200);
        String sessionId = joined.json().path("data").path("sessionId").asString();
        assertThat(sessionId).isEqualTo(created.json().path("data").path("sessionId").asString()).startsWith("session_1_");

        // The guide's body names a session that does not exist here.
        ChatApi.Response unknown = agent.put("/api/chat/typing", TYPING);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("error").path("code").asString()).isEqualTo("NOT_FOUND");

        ChatApi.Response typing = agent.put("/api/chat/typing", TYPING.replace("session_1_1234567890", sessionId));
        assertThat(typing.status()).isEqualTo(200);
        assertThat(typing.json().path("success").asBoolean()).isTrue();
        assertThat(typing.json().path("data").path("isTyping").asBoolean()).isTrue();
    }

    @Test
    void anUnknownTicketIs404Everywhere() {
        long unknown = 2_000_000_000L;

        assertThat(agent.get("/api/chat/messages/" + unknown).status()).isEqualTo(404);
        ChatApi.Response post = agent.post("/api/chat/messages", POST_MESSAGE.replace("\"ticketId\": 1", "\"ticketId\": " + unknown));
        assertThat(post.status()).isEqualTo(404);
        assertThat(post.json().path("success").asBoolean(true)).isFalse();
        assertThat(post.json().path("error").path("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(agent.put("/api/chat/messages/read/" + unknown, MARK_READ).status()).isEqualTo(404);
        assertThat(agent.get("/api/chat/unread/" + unknown + "/agent").status()).isEqualTo(404);
        assertThat(agent.post("/api/chat/session", OPEN_SESSION.replace("\"ticketId\": 1", "\"ticketId\": " + unknown)).status())
                .isEqualTo(404);
    }

    @Test
    void withoutATokenEveryEndpointIs401() {
        ChatApi anonymous = ChatApi.anonymous(service.port());

        assertThat(anonymous.get("/api/chat/messages/1").status()).isEqualTo(401);
        assertThat(anonymous.post("/api/chat/messages", POST_MESSAGE).status()).isEqualTo(401);
        assertThat(anonymous.put("/api/chat/messages/read/1", MARK_READ).status()).isEqualTo(401);
        assertThat(anonymous.get("/api/chat/unread/1/agent").status()).isEqualTo(401);
        assertThat(anonymous.post("/api/chat/session", OPEN_SESSION).status()).isEqualTo(401);
        assertThat(anonymous.put("/api/chat/typing", TYPING).status()).isEqualTo(401);
    }
}
