package io.ticketchat.security.jwt;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.port.in.CallerResolver;
import io.ticketchat.application.port.out.WebSocketTicket;
import io.ticketchat.application.port.out.WebSocketTicketGrant;
import io.ticketchat.application.port.out.WebSocketTicketStore;
import io.ticketchat.application.service.InMemoryWebSocketTicketStore;
import io.ticketchat.application.testing.MutableClock;
import io.ticketchat.domain.TicketId;
import io.ticketchat.security.jwt.testing.TestTokens;
import io.ticketchat.web.socket.ChatWebSocketConfiguration;
import io.ticketchat.web.socket.WebSocketTicketFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The filter chain in front of a tiny stand-in for the chat's REST and WebSocket endpoints. */
@SpringBootTest(properties = "chat.security.jwt.secret=" + TestTokens.SECRET)
@AutoConfigureMockMvc
class ChatJwtSecurityWebTest {

    private static final MutableClock CLOCK = MutableClock.at("2026-01-15T10:30:00Z");
    private static final TestTokens TOKENS = TestTokens.withDefaultSecret(CLOCK);
    private static final List<String> OBSERVED = new CopyOnWriteArrayList<>();

    @Autowired
    private MockMvc mvc;

    @Test
    void noTokenIsUnauthenticated() throws Exception {
        expectUnauthenticated(mvc.perform(get("/api/chat/probe")), "Bearer");
    }

    @Test
    void anExpiredTokenIsUnauthenticated() throws Exception {
        String token = TOKENS.token().subject(7).userType("agent").name("A").expiresIn(Duration.ofMinutes(-5)).sign();

        expectUnauthenticated(probe(token), "Bearer error=\"invalid_token\"");
    }

    @Test
    void aWrongSignatureIsUnauthenticated() throws Exception {
        String token = TOKENS.token().subject(7).userType("agent").name("A")
                .signedWith("someone-elses-secret-0123456789-0123456789").sign();

        expectUnauthenticated(probe(token), "Bearer error=\"invalid_token\"");
    }

    @Test
    void algNoneIsUnauthenticated() throws Exception {
        expectUnauthenticated(probe(TOKENS.token().subject(7).userType("agent").name("A").unsigned()),
                "Bearer error=\"invalid_token\"");
    }

    @Test
    void aTokenWithoutExpiryIsUnauthenticated() throws Exception {
        expectUnauthenticated(probe(TOKENS.token().subject(7).userType("agent").name("A").withoutExpiry().sign()),
                "Bearer error=\"invalid_token\"");
    }

    @Test
    void aTokenAcceptedBeforeIsRefusedOnceItExpires() throws Exception {
        String token = TOKENS.token().subject(7).userType("agent").name("A").expiresIn(Duration.ofMinutes(1)).sign();
        probe(token).andExpect(status().isOk());
        probe(token).andExpect(status().isOk());

        CLOCK.advance(Duration.ofMinutes(1).plus(ChatJwtSettings.DEFAULT_CLOCK_SKEW).plusSeconds(1));

        expectUnauthenticated(probe(token), "Bearer error=\"invalid_token\"");
    }

    @Test
    void aTamperedCopyOfAnAcceptedTokenIsRefused() throws Exception {
        String token = TOKENS.customer(42, "Carl Customer", 1001);
        probe(token).andExpect(status().isOk()).andExpect(jsonPath("$.mayAccess1003").value(false));
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("1001", "1003");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        expectUnauthenticated(probe(tampered), "Bearer error=\"invalid_token\"");
    }

    @Test
    void authenticationsAreObservedButNotEveryFilterNorTheAuthorization() throws Exception {
        OBSERVED.clear();
        probe(TOKENS.agent(7, "Alice")).andExpect(status().isOk());

        assertThat(OBSERVED).contains("spring.security.authentications")
                .doesNotContain("spring.security.authorizations")
                .noneMatch(name -> name.startsWith("spring.security.filterchains"));
    }

    @Test
    void aCustomersClaimsReachTheCaller() throws Exception {
        probe(TOKENS.customer(42, "Carl Customer", 1001, 1002))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caller").value("customer:42"))
                .andExpect(jsonPath("$.name").value("Carl Customer"))
                .andExpect(jsonPath("$.mayAccess1001").value(true))
                .andExpect(jsonPath("$.mayAccess1003").value(false))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void aBearerPostNeedsNoCsrfToken() throws Exception {
        mvc.perform(post("/api/chat/probe").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.agent(7, "Alice")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caller").value("agent:7"));
    }

    @Test
    void aWebSocketTicketAuthenticatesOneHandshakeAsItsOwner() throws Exception {
        String ticket = issueTicket(TOKENS.customer(42, "Carl Customer", 1001));

        mvc.perform(get("/ws/chat").queryParam("ticket", ticket))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caller").value("customer:42"))
                .andExpect(jsonPath("$.mayAccess1001").value(true));
        expectUnauthenticated(mvc.perform(get("/ws/chat").queryParam("ticket", ticket)), "Bearer error=\"invalid_token\"");
    }

    @Test
    void aWebSocketTicketExpiresAfter30Seconds() throws Exception {
        String ticket = issueTicket(TOKENS.agent(7, "Alice"));
        CLOCK.advance(Duration.ofSeconds(30));

        expectUnauthenticated(mvc.perform(get("/ws/chat").queryParam("ticket", ticket)), "Bearer error=\"invalid_token\"");
    }

    @Test
    void aMadeUpTicketIsUnauthenticated() throws Exception {
        expectUnauthenticated(mvc.perform(get("/ws/chat").queryParam("ticket", "made-up")), "Bearer error=\"invalid_token\"");
    }

    @Test
    void issuingATicketNeedsABearerToken() throws Exception {
        expectUnauthenticated(mvc.perform(post("/api/chat/ws-ticket")), "Bearer");
    }

    @Test
    void aTicketPostNeedsNoCsrfTokenAndIsNotCached() throws Exception {
        mvc.perform(post("/api/chat/ws-ticket").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.agent(7, "Alice")))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, org.hamcrest.Matchers.containsString("no-store")));
    }

    @Test
    void aBearerTokenOnTheHandshakeWorksForNonBrowserClients() throws Exception {
        mvc.perform(get("/ws/chat").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.agent(7, "Alice")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caller").value("agent:7"));
    }

    @Test
    void aHandshakeWithoutCredentialsIsUnauthenticated() throws Exception {
        expectUnauthenticated(mvc.perform(get("/ws/chat")), "Bearer");
    }

    @Test
    void staticResourcesStayOpenWithSecurityHeaders() throws Exception {
        mvc.perform(get("/ticket-chat/missing.js"))
                .andExpect(status().isNotFound())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void operatorEndpointsAreForAgentsOnly() throws Exception {
        expectUnauthenticated(mvc.perform(get("/actuator/metrics")), "Bearer");
        mvc.perform(get("/actuator/metrics").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.customer(42, "Carl", 1001)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.success").value(false))
                .andExpect(jsonPath("$.error.code").value("FORBIDDEN"));
        // Past the filter chain: this test application has no actuator, hence 404.
        mvc.perform(get("/actuator/metrics").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.agent(7, "Alice")))
                .andExpect(status().isNotFound());
    }

    @Test
    void healthStaysOpen() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isNotFound());
    }

    private ResultActions probe(String token) throws Exception {
        return mvc.perform(get("/api/chat/probe").header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }

    private String issueTicket(String token) throws Exception {
        String body = mvc.perform(post("/api/chat/ws-ticket").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        JsonNode json = JsonMapper.builder().build().readTree(body);
        return json.path("data").path("ticket").asString();
    }

    private static void expectUnauthenticated(ResultActions result, String challenge) throws Exception {
        result.andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, challenge))
                .andExpect(jsonPath("$.success").value(false))
                .andExpect(jsonPath("$.message").isString())
                .andExpect(jsonPath("$.error.code").value("UNAUTHENTICATED"));
        assertThat(result.andReturn().getResponse().getContentAsString()).doesNotContainIgnoringCase("jwt");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({ChatJwtSecurityConfiguration.class, ProbeController.class})
    static class ProbeApplication {

        @Bean
        MutableClock chatClock() {
            return CLOCK;
        }

        @Bean
        WebSocketTicketStore webSocketTicketStore() {
            return new InMemoryWebSocketTicketStore(CLOCK);
        }

        /** The chat's own ticket filter, registered in front of Spring Security as the socket adapter does. */
        @Bean
        FilterRegistrationBean<WebSocketTicketFilter> chatWebSocketTicketFilter(WebSocketTicketStore tickets) {
            FilterRegistrationBean<WebSocketTicketFilter> registration =
                    new FilterRegistrationBean<>(new WebSocketTicketFilter("/ws/chat", tickets));
            registration.addUrlPatterns("/ws/chat");
            registration.setOrder(ChatWebSocketConfiguration.TICKET_FILTER_ORDER);
            return registration;
        }

        /** Records the name of every observation started, as a metrics or tracing handler would see them. */
        @Bean
        ObservationRegistry observationRegistry() {
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig().observationHandler(new ObservationHandler<>() {
                @Override
                public boolean supportsContext(Observation.Context context) {
                    return true;
                }

                @Override
                public void onStart(Observation.Context context) {
                    OBSERVED.add(context.getName());
                }
            });
            return registry;
        }
    }

    /** Stands in for the REST and socket adapters: reports the caller the resolver finds behind the request. */
    @RestController
    static class ProbeController {

        private final CallerResolver callers;
        private final WebSocketTicketStore tickets;

        ProbeController(CallerResolver callers, WebSocketTicketStore tickets) {
            this.callers = callers;
            this.tickets = tickets;
        }

        /** Stands in for the REST adapter's ticket endpoint: a ticket for the request's principal. */
        @PostMapping("/api/chat/ws-ticket")
        Map<String, Object> issue(HttpServletRequest request) {
            describe(request);
            WebSocketTicket ticket = tickets.issue(WebSocketTicketGrant.of(request.getUserPrincipal()));
            return Map.of("success", true, "data", Map.of("ticket", ticket.value()));
        }

        @GetMapping("/api/chat/probe")
        Map<String, Object> get(HttpServletRequest request) {
            return describe(request);
        }

        @PostMapping("/api/chat/probe")
        Map<String, Object> post(HttpServletRequest request) {
            return describe(request);
        }

        @GetMapping("/ws/chat")
        Map<String, Object> handshake(HttpServletRequest request) {
            return describe(request);
        }

        private Map<String, Object> describe(HttpServletRequest request) {
            Caller caller = callers.resolve(request.getUserPrincipal())
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
            return Map.of("caller", caller.toString(), "name", caller.name().value(),
                    "mayAccess1001", caller.grantedTickets().contains(TicketId.of(1001)),
                    "mayAccess1003", caller.grantedTickets().contains(TicketId.of(1003)));
        }
    }
}
