package io.ticketchat.web.rest;

import io.ticketchat.domain.event.MessagePosted;
import org.junit.jupiter.api.Test;

import java.security.Principal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class MessagesEndpointsTest extends RestSliceTest {

    @Test
    void postingANewMessageAnswers201WithTheWholeRowAndAnnouncesIt() throws Exception {
        long ticket = newTicket();
        int announcedBefore = core.events.eventsOf(MessagePosted.class).size();

        postJson("/api/chat/messages", agentSmith(), "{\"ticketId\":" + ticket + ",\"message\":\"Hi\",\"clientMessageId\":\"c-1\"}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Content-Type", "application/json"))
                .andExpect(jsonPath("$.success").value(true))
                .andExpect(jsonPath("$.message").value("Chat message added successfully"))
                .andExpect(jsonPath("$.data.ticket_id").value(ticket))
                .andExpect(jsonPath("$.data.sender_type").value("agent"))
                .andExpect(jsonPath("$.data.sender_id").value(1))
                .andExpect(jsonPath("$.data.message_type").value("text"))
                .andExpect(jsonPath("$.data.is_read").value(false))
                .andExpect(jsonPath("$.data.client_message_id").value("c-1"))
                .andExpect(jsonPath("$.data.created_at").value("2024-01-15T10:30:00.000Z"));

        assertThat(core.events.eventsOf(MessagePosted.class)).hasSize(announcedBefore + 1)
                .last().satisfies(event -> assertThat(event.message().ticketId().value()).isEqualTo(ticket));
    }

    @Test
    void repeatingAClientMessageIdAnswers200WithTheOriginalAndStoresNothing() throws Exception {
        long ticket = newTicket();
        String body = "{\"ticketId\":" + ticket + ",\"message\":\"Once\",\"clientMessageId\":\"retry-7\"}";
        String first = postJson("/api/chat/messages", agentSmith(), body).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(first.replaceAll(".*\"data\":\\{\"id\":(\\d+).*", "$1"));

        postJson("/api/chat/messages", agentSmith(), body)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.success").value(true))
                .andExpect(jsonPath("$.data.id").value(id));
        getAs("/api/chat/messages/" + ticket, agentSmith()).andExpect(jsonPath("$.data", hasSize(1)));
    }

    @Test
    void contentIsStoredAndReturnedVerbatim() throws Exception {
        long ticket = newTicket();
        String script = "<script>alert(\\\"x\\\")</script> &amp; \\u202Eevil 😀";
        postMessage(agentSmith(), ticket, script).andExpect(status().isCreated())
                .andExpect(jsonPath("$.data.message").value("<script>alert(\"x\")</script> &amp; \u202Eevil 😀"));
        getAs("/api/chat/messages/" + ticket, agentSmith())
                .andExpect(jsonPath("$.data[0].message").value("<script>alert(\"x\")</script> &amp; \u202Eevil 😀"));
    }

    @Test
    void nulAndLoneSurrogatesAreRefusedAndNothingIsStored() throws Exception {
        long ticket = newTicket();
        postMessage(agentSmith(), ticket, "a\\u0000b")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.error.fields[0].field").value("message"))
                .andExpect(jsonPath("$.error.fields[0].reason").value("must not contain NUL characters"));
        postMessage(agentSmith(), ticket, "broken \\uD83D here")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.fields[0].field").value("message"));
        getAs("/api/chat/messages/" + ticket, agentSmith()).andExpect(jsonPath("$.data", hasSize(0)));
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() throws Exception {
        long ticket = newTicket();
        postJson("/api/chat/messages", agentSmith(), "{\"ticketId\":" + ticket + ",\"message\":\"   \",\"messageType\":\"system\","
                + "\"senderType\":\"robot\",\"senderId\":0,\"parentMessageId\":-3,\"clientMessageId\":\"has space\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.success").value(false))
                .andExpect(jsonPath("$.message").value("Validation failed"))
                .andExpect(jsonPath("$.error.fields[*].field").value(contains(
                        "message", "messageType", "senderType", "senderId", "parentMessageId", "clientMessageId")));
    }

    @Test
    void missingOrOutOfRangeTicketIdsAreValidationErrors() throws Exception {
        postJson("/api/chat/messages", agentSmith(), "{\"message\":\"Hi\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.fields[0].field").value("ticketId"))
                .andExpect(jsonPath("$.error.fields[0].reason").value("is required"));
        for (String id : new String[] {"0", "-1", "2147483648"}) {
            postJson("/api/chat/messages", agentSmith(), "{\"ticketId\":" + id + ",\"message\":\"Hi\"}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error.fields[0].field").value("ticketId"));
        }
        postJson("/api/chat/messages", agentSmith(), "{\"ticketId\":99999999999999999999999,\"message\":\"Hi\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value("VALIDATION_FAILED"));
    }

    @Test
    void tooLongMessagesAreRefused() throws Exception {
        long ticket = newTicket();
        postMessage(agentSmith(), ticket, "x".repeat(10_001))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.fields[0].field").value("message"));
        postMessage(agentSmith(), ticket, "x".repeat(10_000)).andExpect(status().isCreated());
    }

    @Test
    void anUnknownParentIsNotFound() throws Exception {
        long ticket = newTicket();
        postJson("/api/chat/messages", agentSmith(), "{\"ticketId\":" + ticket + ",\"message\":\"re\",\"parentMessageId\":987654}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error.code").value("NOT_FOUND"))
                .andExpect(jsonPath("$.message").value("Message not found"));
    }

    @Test
    void aReplyCarriesItsParent() throws Exception {
        long ticket = newTicket();
        String first = postMessage(agentSmith(), ticket, "question").andReturn().getResponse().getContentAsString();
        long parent = Long.parseLong(first.replaceAll(".*\"data\":\\{\"id\":(\\d+).*", "$1"));
        postJson("/api/chat/messages", agentSmith(), "{\"ticketId\":" + ticket + ",\"message\":\"re\",\"parentMessageId\":" + parent + "}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.data.parent_message_id").value(parent));
    }

    @Test
    void listingAnUnknownTicketIsNotFound() throws Exception {
        getAs("/api/chat/messages/77777777", agentSmith())
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.success").value(false))
                .andExpect(jsonPath("$.error.code").value("NOT_FOUND"))
                .andExpect(jsonPath("$.message").value("Ticket not found"));
    }

    @Test
    void pagingWalksBackAndForthThroughTheHistory() throws Exception {
        long ticket = newTicket();
        long[] ids = new long[5];
        for (int i = 0; i < 5; i++) {
            String body = postMessage(agentSmith(), ticket, "m" + i).andReturn().getResponse().getContentAsString();
            ids[i] = Long.parseLong(body.replaceAll(".*\"data\":\\{\"id\":(\\d+).*", "$1"));
        }
        String base = "/api/chat/messages/" + ticket;

        getAs(base + "?limit=2", agentSmith())
                .andExpect(jsonPath("$.data[*].message").value(contains("m3", "m4")))
                .andExpect(jsonPath("$.paging.hasMore").value(true))
                .andExpect(jsonPath("$.paging.limit").value(2))
                .andExpect(jsonPath("$.paging.oldestId").value(ids[3]))
                .andExpect(jsonPath("$.paging.newestId").value(ids[4]));
        getAs(base + "?limit=2&beforeId=" + ids[3], agentSmith())
                .andExpect(jsonPath("$.data[*].message").value(contains("m1", "m2")))
                .andExpect(jsonPath("$.paging.hasMore").value(true));
        getAs(base + "?limit=2&beforeId=" + ids[1], agentSmith())
                .andExpect(jsonPath("$.data[*].message").value(contains("m0")))
                .andExpect(jsonPath("$.paging.hasMore").value(false));
        getAs(base + "?afterId=" + ids[0] + "&limit=3", agentSmith())
                .andExpect(jsonPath("$.data[*].message").value(contains("m1", "m2", "m3")))
                .andExpect(jsonPath("$.paging.hasMore").value(true));
        getAs(base + "?afterId=" + ids[4], agentSmith())
                .andExpect(jsonPath("$.data", hasSize(0)))
                .andExpect(jsonPath("$.paging.hasMore").value(false))
                .andExpect(jsonPath("$.paging.limit").value(100))
                .andExpect(jsonPath("$.paging.oldestId").value((Object) null));
    }

    @Test
    void afterIdZeroReadsForwardFromTheFirstMessage() throws Exception {
        long ticket = newTicket();
        for (int i = 0; i < 5; i++) {
            postMessage(agentSmith(), ticket, "m" + i).andExpect(status().isCreated());
        }
        String base = "/api/chat/messages/" + ticket;

        getAs(base + "?afterId=0&limit=2", agentSmith())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data[*].message").value(contains("m0", "m1")))
                .andExpect(jsonPath("$.paging.hasMore").value(true));
        String newestId = getAs(base + "?afterId=0&limit=2", agentSmith()).andReturn().getResponse().getContentAsString()
                .replaceAll(".*\"newestId\":(\\d+).*", "$1");
        getAs(base + "?afterId=" + newestId + "&limit=2", agentSmith())
                .andExpect(jsonPath("$.data[*].message").value(contains("m2", "m3")));
        getAs(base + "?afterId=0&limit=500", agentSmith())
                .andExpect(jsonPath("$.data", hasSize(5)))
                .andExpect(jsonPath("$.paging.hasMore").value(false));
    }

    @Test
    void withoutPagingParametersTheLatestHundredAreReturned() throws Exception {
        long ticket = newTicket();
        for (int i = 0; i < 101; i++) {
            postMessage(agentSmith(), ticket, "m" + i).andExpect(status().isCreated());
        }
        getAs("/api/chat/messages/" + ticket, agentSmith())
                .andExpect(jsonPath("$.data", hasSize(100)))
                .andExpect(jsonPath("$.data[0].message").value("m1"))
                .andExpect(jsonPath("$.data[99].message").value("m100"))
                .andExpect(jsonPath("$.paging.hasMore").value(true));
    }

    @Test
    void badPagingParametersAreValidationErrors() throws Exception {
        long ticket = newTicket();
        String base = "/api/chat/messages/" + ticket;
        String[][] cases = {
                {"?limit=0", "limit"}, {"?limit=501", "limit"}, {"?limit=ten", "limit"}, {"?limit=99999999999999999999", "limit"},
                {"?beforeId=-5", "beforeId"}, {"?afterId=abc", "afterId"}, {"?afterId=-1", "afterId"}, {"?afterId=00", "afterId"}, {"?afterId=9&beforeId=3", "beforeId"}};
        for (String[] bad : cases) {
            getAs(base + bad[0], agentSmith())
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.error.fields[0].field").value(bad[1]));
        }
        getAs(base + "?limit=500", agentSmith()).andExpect(status().isOk());
    }

    @Test
    void badTicketIdsInThePathAreValidationErrors() throws Exception {
        for (String id : new String[] {"0", "-1", "abc", "2147483648", "99999999999999999999999", "1.5"}) {
            getAs("/api/chat/messages/" + id, agentSmith())
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error.fields[0].field").value("ticketId"));
        }
    }

    @Test
    void markingReadAndCountingUnreadFollowTheConversation() throws Exception {
        long ticket = newTicket();
        Principal customer = customer(ticket);
        postMessage(agentSmith(), ticket, "one");
        postMessage(agentSmith(), ticket, "two");

        getAs("/api/chat/unread/" + ticket + "/customer", customer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.unreadCount").value(2));
        putJson("/api/chat/messages/read/" + ticket, customer, "{\"userId\":" + customerId(customer) + ",\"userType\":\"customer\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.message").value("Messages marked as read"))
                .andExpect(jsonPath("$.data.ticketId").value(ticket))
                .andExpect(jsonPath("$.data.userType").value("customer"))
                .andExpect(jsonPath("$.data.markedCount").value(2));
        getAs("/api/chat/unread/" + ticket + "/customer", customer).andExpect(jsonPath("$.data.unreadCount").value(0));
        getAs("/api/chat/messages/" + ticket, customer)
                .andExpect(jsonPath("$.data[0].is_read").value(true))
                .andExpect(jsonPath("$.data[0].read_at").value("2024-01-15T10:30:00.000Z"));
    }

    @Test
    void markReadAcceptsNoBodyAtAll() throws Exception {
        long ticket = newTicket();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/chat/messages/read/" + ticket)
                        .principal(agentSmith()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.markedCount").value(0))
                .andExpect(jsonPath("$.data.upToMessageId").value((Object) null));
    }

    @Test
    void unreadCountValidatesTheUserType() throws Exception {
        long ticket = newTicket();
        getAs("/api/chat/unread/" + ticket + "/robot", agentSmith())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.fields[0].field").value("userType"));
        getAs("/api/chat/unread/abc/robot", agentSmith())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.fields[*].field").value(contains("ticketId", "userType")));
        getAs("/api/chat/unread/88888888/agent", agentSmith()).andExpect(status().isNotFound());
    }

    @Test
    void markReadValidatesItsClaims() throws Exception {
        long ticket = newTicket();
        putJson("/api/chat/messages/read/" + ticket, agentSmith(), "{\"userId\":-1,\"userType\":\"boss\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.fields[*].field").value(contains("userId", "userType")));
    }
}
