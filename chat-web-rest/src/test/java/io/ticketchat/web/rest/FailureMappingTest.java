package io.ticketchat.web.rest;

import io.ticketchat.application.port.in.ListMessagesUseCase;
import io.ticketchat.application.port.in.OpenChatSessionUseCase;
import io.ticketchat.application.port.out.ChatStoreUnavailableException;
import io.ticketchat.domain.ChatSessionStatus;
import io.ticketchat.domain.IllegalSessionTransitionException;
import io.ticketchat.domain.SessionId;
import org.junit.jupiter.api.Test;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.sql.SQLException;

import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Failures of the core and of the store: the right status, and nothing of their insides on the wire. */
class FailureMappingTest extends RestSliceTest {

    @MockitoBean
    ListMessagesUseCase listMessages;

    @MockitoBean
    OpenChatSessionUseCase openSession;

    @Test
    void anUnexpectedFailureIs500WithoutAnyDetail() throws Exception {
        given(listMessages.listMessages(any())).willThrow(new IllegalStateException(
                "SELECT * FROM chat_messages WHERE ticket_id = 1", new NullPointerException("io.ticketchat.Secret")));

        getAs("/api/chat/messages/1", agentSmith())
                .andExpect(status().isInternalServerError())
                .andExpect(content().json("{\"success\":false,\"message\":\"Internal server error\",\"error\":{\"code\":\"INTERNAL\"}}", JsonCompareMode.STRICT))
                .andExpect(content().string(not(containsString("SELECT"))))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void anUnreachableStoreIs503() throws Exception {
        given(listMessages.listMessages(any())).willThrow(new ChatStoreUnavailableException(
                "connection refused", new SQLException("Communications link failure to 10.0.0.5:3306")));

        getAs("/api/chat/messages/1", agentSmith())
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().json("{\"success\":false,\"message\":\"The chat is unavailable, try again later\","
                        + "\"error\":{\"code\":\"UNAVAILABLE\"}}", JsonCompareMode.STRICT));
    }

    @Test
    void anIllegalSessionTransitionIs409() throws Exception {
        given(openSession.openSession(any())).willThrow(new IllegalSessionTransitionException(
                SessionId.of("session_1_1"), ChatSessionStatus.CLOSED, ChatSessionStatus.ACTIVE));

        postJson("/api/chat/session", agentSmith(), "{\"ticketId\":1}")
                .andExpect(status().isConflict())
                .andExpect(content().json("{\"success\":false,\"error\":{\"code\":\"CONFLICT\"}}"))
                .andExpect(content().string(not(containsString("session_1_1"))));
    }
}
