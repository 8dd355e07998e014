package io.ticketchat.web.rest;

import org.junit.jupiter.api.Test;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.annotation.DirtiesContext;

import java.security.Principal;

import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A client written against the guide: its request bodies verbatim, and its response examples
 * verbatim as the expected subset of what the adapter answers (the additions may only add fields).
 * Runs on a fresh store so that the guide's ids (ticket 1, message 1) are what they are in the guide.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class GuideExamplesTest extends RestSliceTest {

    private static final String GUIDE_POST_BODY = """
            {
              "ticketId": 1,
              "senderType": "agent",
              "senderId": 1,
              "senderName": "Agent Smith",
              "message": "Hello! How can I help you?",
              "messageType": "text",
              "parentMessageId": null
            }""";

    private static final String GUIDE_POST_RESPONSE = """
            {
              "success": true,
              "message": "Chat message added successfully",
              "data": {
                "id": 1,
                "ticket_id": 1,
                "sender_type": "agent",
                "sender_name": "Agent Smith",
                "message": "Hello! How can I help you?",
                "created_at": "2024-01-15T10:30:00.000Z"
              }
            }""";

    private static final String GUIDE_LIST_RESPONSE = """
            {
              "success": true,
              "data": [
                {
                  "id": 1,
                  "ticket_id": 1,
                  "sender_type": "agent",
                  "sender_id": 1,
                  "sender_name": "Agent Smith",
                  "message": "Hello! How can I help you?",
                  "message_type": "text",
                  "is_read": false,
                  "read_at": null,
                  "is_edited": false,
                  "edited_at": null,
                  "parent_message_id": null,
                  "created_at": "2024-01-15T10:30:00.000Z",
                  "updated_at": "2024-01-15T10:30:00.000Z"
                }
              ],
              "ticket": {
                "id": 1,
                "name": "John Doe",
                "issue_title": "Technical Issue"
              }
            }""";

    private static final String GUIDE_READ_BODY = """
            {
              "userId": 1,
              "userType": "agent"
            }""";

    private static final String GUIDE_SESSION_BODY = """
            {
              "ticketId": 1,
              "userId": 1,
              "userType": "agent",
              "userName": "Agent Smith"
            }""";

    private static final String GUIDE_TYPING_BODY = """
            {
              "sessionId": "session_1_1234567890",
              "userId": 1,
              "userType": "agent",
              "isTyping": true
            }""";

    @Test
    void aGuideClientWorksUnchangedApartFromItsToken() throws Exception {
        core.tickets.add(1, "John Doe", "Technical Issue");
        Principal agent = agentSmith();
        Principal johnDoe = core.callers.register("john", io.ticketchat.application.port.in.Caller.customer(2, "John Doe", 1));

        postJson("/api/chat/messages", agent, GUIDE_POST_BODY)
                .andExpect(status().isCreated())
                .andExpect(content().json(GUIDE_POST_RESPONSE));

        getAs("/api/chat/messages/1", agent)
                .andExpect(status().isOk())
                .andExpect(content().json(GUIDE_LIST_RESPONSE))
                .andExpect(jsonPath("$.data[0].client_message_id").value((Object) null))
                .andExpect(jsonPath("$.paging.hasMore").value(false));

        getAs("/api/chat/unread/1/customer", johnDoe)
                .andExpect(status().isOk())
                .andExpect(content().json("{\"success\": true, \"data\": {\"unreadCount\": 1}}", JsonCompareMode.STRICT));

        putJson("/api/chat/messages/read/1", johnDoe, "{\"userId\": 2, \"userType\": \"customer\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.success").value(true))
                .andExpect(jsonPath("$.data.markedCount").value(1))
                .andExpect(jsonPath("$.data.upToMessageId").value(1));

        putJson("/api/chat/messages/read/1", agent, GUIDE_READ_BODY)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.markedCount").value(0))
                .andExpect(jsonPath("$.data.readAt").value(matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z")));

        postJson("/api/chat/session", agent, GUIDE_SESSION_BODY)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.success").value(true))
                .andExpect(jsonPath("$.data.sessionId").value("session_1_1705314600000"))
                .andExpect(jsonPath("$.data.session_id").value("session_1_1705314600000"))
                .andExpect(jsonPath("$.data.agent_id").value(1))
                .andExpect(jsonPath("$.data.status").value("active"))
                .andExpect(jsonPath("$.data.participant.user_name").value("Agent Smith"));

        // The guide's example session id was never opened here.
        putJson("/api/chat/typing", agent, GUIDE_TYPING_BODY)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error.code").value("NOT_FOUND"));
        putJson("/api/chat/typing", agent, GUIDE_TYPING_BODY.replace("session_1_1234567890", "session_1_1705314600000"))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"success\":true,\"data\":{\"sessionId\":\"session_1_1705314600000\",\"isTyping\":true}}"));
    }
}
