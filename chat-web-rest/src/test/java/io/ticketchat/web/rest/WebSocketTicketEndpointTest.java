package io.ticketchat.web.rest;

import io.ticketchat.application.port.out.WebSocketTicketGrant;
import io.ticketchat.application.port.out.WebSocketTicketStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.security.Principal;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code POST /api/chat/ws-ticket} for every host: whoever the host's resolver accepts gets a ticket. */
class WebSocketTicketEndpointTest extends RestSliceTest {

    @Autowired
    private WebSocketTicketStore tickets;

    @Test
    void aResolvedCallerGetsASingleUseTicketInTheContractsShape() throws Exception {
        Principal agent = agentSmith();

        String body = mvc.perform(post("/api/chat/ws-ticket").principal(agent))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.success").value(true))
                .andExpect(jsonPath("$.data.ticket").isString())
                .andExpect(jsonPath("$.data.expiresAt").value("2024-01-15T10:30:30.000Z"))
                .andReturn().getResponse().getContentAsString();

        String ticket = ticketOf(body);
        Optional<WebSocketTicketGrant> grant = tickets.redeem(ticket);
        assertThat(grant).map(WebSocketTicketGrant::principal).containsSame(agent);
        assertThat(grant.get().httpSession()).isEmpty();
        assertThat(tickets.redeem(ticket)).isEmpty();
    }

    @Test
    void aTicketIssuedInsideAnHttpSessionIsBoundToIt() throws Exception {
        MockHttpSession session = new MockHttpSession(null, "host-session-7");

        String body = mvc.perform(post("/api/chat/ws-ticket").principal(agentSmith()).session(session))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(tickets.redeem(ticketOf(body))).hasValueSatisfying(
                grant -> assertThat(grant.httpSession()).contains("host-session-7"));
    }

    @Test
    void aPrincipalTheResolverDoesNotKnowIsUnauthenticated() throws Exception {
        mvc.perform(post("/api/chat/ws-ticket").principal(() -> "stranger"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.success").value(false))
                .andExpect(jsonPath("$.error.code").value("UNAUTHENTICATED"));
        mvc.perform(post("/api/chat/ws-ticket"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error.code").value("UNAUTHENTICATED"));
    }

    @Test
    void onlyPostIssuesTickets() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/chat/ws-ticket")
                        .principal(agentSmith()))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.error.code").value("METHOD_NOT_ALLOWED"));
    }

    private static String ticketOf(String body) {
        JsonNode json = JsonMapper.builder().build().readTree(body);
        return json.path("data").path("ticket").asString();
    }
}
