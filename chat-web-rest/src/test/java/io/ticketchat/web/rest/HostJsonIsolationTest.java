package io.ticketchat.web.rest;

import org.junit.jupiter.api.Test;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;

import java.util.Map;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The chat embedded in a host that customises its own JSON mapper and has its own endpoints: neither
 * side's JSON settings, limits, headers or error shapes leak into the other.
 */
@Import(HostJsonIsolationTest.Host.class)
class HostJsonIsolationTest extends RestSliceTest {

    record HostThing(String displayName) {
    }

    @RestController
    static class HostController {

        @GetMapping("/host/thing")
        HostThing thing() {
            return new HostThing("x");
        }

        @PostMapping(path = "/host/echo", consumes = MediaType.APPLICATION_JSON_VALUE)
        Map<String, Object> echo(@RequestBody Map<String, Object> body) {
            return body;
        }
    }

    @TestConfiguration
    static class Host {

        @Bean
        HostController hostController() {
            return new HostController();
        }

        @Bean
        JsonMapperBuilderCustomizer hostNaming() {
            return builder -> builder.propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE);
        }
    }

    @Test
    void theHostsMapperCustomisationDoesNotChangeTheChatsWireFormat() throws Exception {
        long ticket = newTicket();
        getAs("/api/chat/messages/" + ticket, agentSmith())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.success").value(true))
                .andExpect(jsonPath("$.ticket.issue_title").value("Technical Issue"))
                .andExpect(jsonPath("$.paging.hasMore").value(false));
        mvc.perform(get("/host/thing"))
                .andExpect(jsonPath("$.DisplayName").value("x"));
    }

    @Test
    void theChatsLimitsHeadersAndErrorsStayOffTheHostsEndpoints() throws Exception {
        String deep = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
        mvc.perform(post("/host/echo").contentType(MediaType.APPLICATION_JSON).content(deep))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("X-Content-Type-Options"));
        mvc.perform(post("/host/echo").contentType(MediaType.APPLICATION_JSON).content("{"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.success").doesNotExist());
    }
}
