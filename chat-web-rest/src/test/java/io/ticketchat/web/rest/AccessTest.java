package io.ticketchat.web.rest;

import org.junit.jupiter.api.Test;

import java.security.Principal;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who may call what: anonymous callers, other customers, and bodies that claim someone else. */
class AccessTest extends RestSliceTest {

    @Test
    void everyEndpointRefusesAnonymousCallersWith401() throws Exception {
        long ticket = newTicket();
        expectUnauthenticated(getAs("/api/chat/messages/" + ticket, null));
        expectUnauthenticated(postMessage(null, ticket, "hi"));
        expectUnauthenticated(putJson("/api/chat/messages/read/" + ticket, null, "{}"));
        expectUnauthenticated(getAs("/api/chat/unread/" + ticket + "/agent", null));
        expectUnauthenticated(postJson("/api/chat/session", null, "{\"ticketId\":" + ticket + "}"));
        expectUnauthenticated(putJson("/api/chat/typing", null, "{\"sessionId\":\"s\",\"isTyping\":true}"));
    }

    @Test
    void aPrincipalTheResolverDoesNotKnowIsUnauthenticated() throws Exception {
        Principal stranger = () -> "nobody";
        expectUnauthenticated(getAs("/api/chat/messages/" + newTicket(), stranger));
    }

    @Test
    void anonymousCallersAreRefusedBeforeTheirBodyIsRead() throws Exception {
        expectUnauthenticated(postJson("/api/chat/messages", null, "{not json"));
    }

    @Test
    void aCustomerOfAnotherTicketIsForbiddenEverywhere() throws Exception {
        long mine = newTicket();
        long theirs = newTicket();
        Principal customer = customer(mine);
        postMessage(agentSmith(), theirs, "private");
        postJson("/api/chat/session", agentSmith(), "{\"ticketId\":" + theirs + "}").andExpect(status().isCreated());

        expectForbidden(getAs("/api/chat/messages/" + theirs, customer), null);
        expectForbidden(postMessage(customer, theirs, "let me in"), null);
        expectForbidden(putJson("/api/chat/messages/read/" + theirs, customer, "{}"), null);
        expectForbidden(getAs("/api/chat/unread/" + theirs + "/customer", customer), null);
        expectForbidden(postJson("/api/chat/session", customer, "{\"ticketId\":" + theirs + "}"), null);
        expectForbidden(putJson("/api/chat/typing", customer,
                "{\"sessionId\":\"session_" + theirs + "_1705314600000\",\"isTyping\":true}"), null);
        getAs("/api/chat/messages/" + theirs, agentSmith()).andExpect(jsonPath("$.data", hasSize(1)));
    }

    @Test
    void aCustomerCannotLearnWhetherAForeignTicketExists() throws Exception {
        Principal customer = customer(newTicket());
        expectForbidden(getAs("/api/chat/messages/55555555", customer), null);
    }

    @Test
    void forgedIdentitiesAreRefusedAndNothingIsStored() throws Exception {
        long ticket = newTicket();
        Principal customer = customer(ticket);
        long self = customerId(customer);
        String base = "{\"ticketId\":" + ticket + ",\"message\":\"hi\",";

        expectForbidden(postJson("/api/chat/messages", customer, base + "\"senderId\":1}"), "senderId");
        expectForbidden(postJson("/api/chat/messages", customer, base + "\"senderType\":\"agent\"}"), "senderType");
        expectForbidden(postJson("/api/chat/messages", customer, base + "\"senderType\":\"system\"}"), "senderType");
        expectForbidden(postJson("/api/chat/messages", customer, base + "\"senderName\":\"Agent Smith\"}"), "senderName");
        getAs("/api/chat/messages/" + ticket, customer).andExpect(jsonPath("$.data", hasSize(0)));

        expectForbidden(putJson("/api/chat/messages/read/" + ticket, customer, "{\"userId\":1,\"userType\":\"customer\"}"), "userId");
        expectForbidden(putJson("/api/chat/messages/read/" + ticket, customer, "{\"userId\":" + self + ",\"userType\":\"agent\"}"), "userType");
        expectForbidden(getAs("/api/chat/unread/" + ticket + "/agent", customer), "userType");
        expectForbidden(postJson("/api/chat/session", customer, "{\"ticketId\":" + ticket + ",\"userName\":\"Agent Smith\"}"), "userName");
        expectForbidden(putJson("/api/chat/typing", customer, "{\"sessionId\":\"x\",\"userId\":1,\"isTyping\":true}"), "userId");

        postJson("/api/chat/messages", customer, base + "\"senderId\":" + self + ",\"senderType\":\"customer\",\"senderName\":\"John Doe\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.data.sender_id").value(self));
    }

    @Test
    void duplicateKeysCannotSmuggleASecondIdentity() throws Exception {
        long ticket = newTicket();
        Principal customer = customer(ticket);
        postJson("/api/chat/messages", customer, "{\"ticketId\":" + ticket + ",\"message\":\"hi\",\"senderId\":"
                + customerId(customer) + ",\"senderId\":1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value("VALIDATION_FAILED"));
    }

    private static void expectUnauthenticated(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        result.andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(jsonPath("$.success").value(false))
                .andExpect(jsonPath("$.message").value("Authentication required"))
                .andExpect(jsonPath("$.error.code").value("UNAUTHENTICATED"));
    }

    private static void expectForbidden(org.springframework.test.web.servlet.ResultActions result, String field) throws Exception {
        result.andExpect(status().isForbidden())
                .andExpect(jsonPath("$.success").value(false))
                .andExpect(jsonPath("$.error.code").value("FORBIDDEN"))
                .andExpect(field == null ? jsonPath("$.error.field").doesNotExist() : jsonPath("$.error.field").value(field));
    }
}
