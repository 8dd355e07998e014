package io.ticketchat.web.rest;

import io.ticketchat.domain.event.TypingStarted;
import io.ticketchat.domain.event.TypingStopped;
import org.junit.jupiter.api.Test;

import java.security.Principal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SessionEndpointsTest extends RestSliceTest {

    @Test
    void theFirstArrivalCreatesTheSessionAndTheOtherSideJoinsIt() throws Exception {
        long ticket = newTicket();
        Principal customer = customer(ticket);
        String sessionId = "session_" + ticket + "_1705314600000";

        postJson("/api/chat/session", agentSmith(), "{\"ticketId\":" + ticket + ",\"userId\":1,\"userType\":\"agent\",\"userName\":\"Agent Smith\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.message").value("Chat session created"))
                .andExpect(jsonPath("$.data.sessionId").value(sessionId))
                .andExpect(jsonPath("$.data.ticket_id").value(ticket))
                .andExpect(jsonPath("$.data.created").value(true))
                .andExpect(jsonPath("$.data.started_at").value("2024-01-15T10:30:00.000Z"))
                .andExpect(jsonPath("$.data.ended_at").value((Object) null));

        postJson("/api/chat/session", customer, "{\"ticketId\":" + ticket + "}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.message").value("Joined chat session"))
                .andExpect(jsonPath("$.data.sessionId").value(sessionId))
                .andExpect(jsonPath("$.data.created").value(false))
                .andExpect(jsonPath("$.data.agent_id").value(1))
                .andExpect(jsonPath("$.data.customer_id").value(customerId(customer)))
                .andExpect(jsonPath("$.data.participant.user_type").value("customer"));
    }

    @Test
    void typingStartsAndStopsBySession() throws Exception {
        long ticket = newTicket();
        postJson("/api/chat/session", agentSmith(), "{\"ticketId\":" + ticket + "}").andExpect(status().isCreated());
        String sessionId = "session_" + ticket + "_1705314600000";

        putJson("/api/chat/typing", agentSmith(), "{\"sessionId\":\"" + sessionId + "\",\"isTyping\":true}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.message").value("Typing status updated"))
                .andExpect(jsonPath("$.data.isTyping").value(true));
        assertThat(core.events.eventsOf(TypingStarted.class))
                .anySatisfy(started -> assertThat(started.typing().ticketId().value()).isEqualTo(ticket));

        putJson("/api/chat/typing", agentSmith(), "{\"sessionId\":\"" + sessionId + "\",\"userType\":\"agent\",\"isTyping\":false}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.isTyping").value(false));
        assertThat(core.events.eventsOf(TypingStopped.class))
                .anySatisfy(stopped -> assertThat(stopped.ticketId().value()).isEqualTo(ticket));
    }

    @Test
    void typingNeedsASessionAndAFlag() throws Exception {
        putJson("/api/chat/typing", agentSmith(), "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.fields[*].field").value(contains("sessionId", "isTyping")));
        putJson("/api/chat/typing", agentSmith(), "{\"sessionId\":\"   \",\"isTyping\":\"yes\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.fields[0].field").value("isTyping"));
        putJson("/api/chat/typing", agentSmith(), "{\"sessionId\":\"nope\",\"isTyping\":true}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("Chat session not found"));
    }

    @Test
    void sessionsNeedAValidTicket() throws Exception {
        postJson("/api/chat/session", agentSmith(), "{\"userType\":\"agent\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.fields[0].field").value("ticketId"));
        postJson("/api/chat/session", agentSmith(), "{\"ticketId\":66666666}")
                .andExpect(status().isNotFound());
        postJson("/api/chat/session", agentSmith(), "{\"ticketId\":1,\"userType\":\"admin\",\"userId\":0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.fields[*].field").value(contains("userId", "userType")));
    }
}
