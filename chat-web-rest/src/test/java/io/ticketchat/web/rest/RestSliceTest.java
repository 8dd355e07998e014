package io.ticketchat.web.rest;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.testing.ChatCore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.security.Principal;
import java.util.concurrent.atomic.AtomicLong;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * A web slice of the adapter over the real core. The context (and its in-memory store) is shared
 * between test classes, so every test works on tickets of its own.
 */
@WebMvcTest
abstract class RestSliceTest {

    private static final AtomicLong TICKETS = new AtomicLong(1000);
    private static final AtomicLong USERS = new AtomicLong(5000);

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected ChatCore core;

    protected long newTicket() {
        long id = TICKETS.incrementAndGet();
        core.tickets.add(id, "John Doe", "Technical Issue");
        return id;
    }

    protected Principal agent(String name) {
        return core.callers.register("agent-" + name, Caller.agent(1, name));
    }

    protected Principal agentSmith() {
        return agent("Agent Smith");
    }

    /** A customer with a fresh id, entitled to the given tickets only. */
    protected Principal customer(long... tickets) {
        long id = USERS.incrementAndGet();
        return core.callers.register("customer-" + id, Caller.customer(id, "John Doe", tickets));
    }

    protected static long customerId(Principal customer) {
        return Long.parseLong(customer.getName().substring("customer-".length()));
    }

    protected ResultActions postJson(String path, Principal principal, String json) throws Exception {
        return mvc.perform(as(post(path), principal).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    protected ResultActions putJson(String path, Principal principal, String json) throws Exception {
        return mvc.perform(as(put(path), principal).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    protected ResultActions getAs(String path, Principal principal) throws Exception {
        return mvc.perform(as(get(path), principal));
    }

    protected ResultActions postMessage(Principal principal, long ticketId, String text) throws Exception {
        return postJson("/api/chat/messages", principal, "{\"ticketId\":" + ticketId + ",\"message\":\"" + text + "\"}");
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, Principal principal) {
        return principal == null ? request : request.principal(principal);
    }
}
