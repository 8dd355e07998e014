package io.ticketchat.web.rest;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.testing.ChatCore;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Principal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adapter in a real servlet container over real HTTP: what MockMvc cannot show (a chunked upload
 * without Content-Length, the container's own error handling) behaves as in the slices.
 */
@SpringBootTest(classes = RealServerTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RealServerTest {

    /** Stands in for the security adapter: the principal is named by a test header. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(RestTestApplication.class)
    static class App {

        @Bean
        Filter testPrincipalFilter() {
            return (request, response, chain) -> {
                String name = ((HttpServletRequest) request).getHeader("X-Test-Principal");
                chain.doFilter(name == null ? request : new HttpServletRequestWrapper((HttpServletRequest) request) {
                    @Override
                    public Principal getUserPrincipal() {
                        return () -> name;
                    }
                }, response);
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ChatCore core;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aGuideClientPostsAndReadsOverHttp() throws Exception {
        core.tickets.add(4242, "John Doe", "Technical Issue");
        core.callers.register("smith", Caller.agent(1, "Agent Smith"));

        HttpResponse<String> posted = send(request("/api/chat/messages").header("X-Test-Principal", "smith")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ticketId\":4242,\"senderType\":\"agent\",\"senderId\":1,"
                        + "\"senderName\":\"Agent Smith\",\"message\":\"Hello! How can I help you? 😀\",\"messageType\":\"text\",\"parentMessageId\":null}")));
        HttpResponse<String> listed = send(request("/api/chat/messages/4242").header("X-Test-Principal", "smith").GET());

        assertThat(posted.statusCode()).isEqualTo(201);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(listed.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(listed.body()).contains("\"message\":\"Hello! How can I help you? 😀\"", "\"issue_title\":\"Technical Issue\"");
    }

    @Test
    void aChunkedMegabyteIsRefusedWith413() throws Exception {
        byte[] megabyte = ("{\"ticketId\":1,\"message\":\"" + "x".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = send(request("/api/chat/messages").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(megabyte))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo(
                "{\"success\":false,\"message\":\"Request body exceeds 131072 bytes\",\"error\":{\"code\":\"PAYLOAD_TOO_LARGE\",\"maxBytes\":131072}}");
    }

    @Test
    void anonymousCallsAndUnknownRoutesAnswerInTheContractsShape() throws Exception {
        HttpResponse<String> anonymous = send(request("/api/chat/messages/1").GET());
        HttpResponse<String> unknown = send(request("/api/chat/does-not-exist").header("X-Test-Principal", "anyone").GET());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).isEqualTo("{\"success\":false,\"message\":\"Authentication required\",\"error\":{\"code\":\"UNAUTHENTICATED\"}}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"success\":false,\"message\":\"No such endpoint\",\"error\":{\"code\":\"NOT_FOUND\"}}");
    }

    /**
     * Issue 27 items 1 to 3, in a host without Spring Security: what Tomcat refuses before the chat runs
     * (undecodable paths, headers over the limit, parameters that do not decode) answers in the
     * contract's shape under the chat's paths, while the host's own paths keep the container's answer.
     */
    @Test
    void whatTheContainerRefusesUnderTheChatsPathsAnswersInTheContractsShape() throws Exception {
        core.callers.register("jones", Caller.agent(2, "Agent Jones"));
        String[] refused = {"/api/chat/messages/%00", "/api/chat/messages/..%2f1", "/api/chat/messages/%c0%ae",
                "/api/chat/messages/%ff", "/api/chat/messages/1?limit=%ff",
                "/api/chat/messages/1?afterId=%ff", "/api/chat/messages/1?beforeId=%ff", "/ws/chat%00"};
        for (String path : refused) {
            HttpResponse<String> response = send(request(path).header("X-Test-Principal", "jones").GET());
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertContractError(response, "VALIDATION_FAILED");
        }
        HttpResponse<String> hugeHeader = send(request("/api/chat/messages/1").header("Authorization", "Bearer " + "x".repeat(9000)).GET());
        assertThat(hugeHeader.statusCode()).isEqualTo(400);
        assertContractError(hugeHeader, "VALIDATION_FAILED");

        HttpResponse<String> hostPage = send(request("/host/%00").GET());
        assertThat(hostPage.statusCode()).isEqualTo(400);
        assertThat(hostPage.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        HttpResponse<String> hostError = send(request("/host/page?x=%ff").GET());
        assertThat(hostError.body()).doesNotContain("\"success\"");
    }

    @Test
    void aWildcardContentTypeOnTheReadEndpointIs415() throws Exception {
        HttpResponse<String> response = send(request("/api/chat/messages/read/1").header("X-Test-Principal", "anyone")
                .header("Content-Type", "application/*").PUT(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(415);
        assertContractError(response, "UNSUPPORTED_MEDIA_TYPE");
    }

    /** Found by the fuzz campaign (seed 6041542360920091381): Spring's FormContentFilter threw out of the filter chain, a 500. */
    @Test
    void aFormBodyThatDoesNotDecodeIs400NotA500() throws Exception {
        core.callers.register("brown", Caller.agent(3, "Agent Brown"));
        HttpResponse<String> response = send(request("/api/chat/typing").header("X-Test-Principal", "brown")
                .header("Content-Type", "application/x-www-form-urlencoded").PUT(HttpRequest.BodyPublishers.ofString("a=%zz")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertContractError(response, "VALIDATION_FAILED");
    }

    private static void assertContractError(HttpResponse<String> response, String code) {
        assertThat(response.headers().firstValue("Content-Type")).as(response.uri().toString()).hasValue("application/json");
        assertThat(response.body()).as(response.uri().toString()).startsWith("{\"success\":false,\"message\":")
                .contains("\"error\":{\"code\":\"" + code + "\"");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
