package io.ticketchat.bootstrap.standalone;

import io.ticketchat.bootstrap.testsupport.ChatApi;
import io.ticketchat.bootstrap.testsupport.StandaloneService;
import io.ticketchat.web.client.browser.ClasspathHttpServer;
import io.ticketchat.web.client.browser.HeadlessChromium;
import io.ticketchat.web.client.browser.RequiresChromium;
import io.ticketchat.web.client.browser.TicketChatView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A page served from another origin (a second port) loads the web component from the chat server,
 * calls its API and opens its socket, allowed by {@code chat.web.allowed-origins}; the same page from an
 * origin not on the list gets nothing.
 */
@RequiresChromium
class CrossOriginBrowserTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ClasspathHttpServer allowedSite;
    private static ClasspathHttpServer refusedSite;
    private static StandaloneService chat;
    private static HeadlessChromium browser;

    @BeforeAll
    static void start() {
        allowedSite = ClasspathHttpServer.start(Map.of("/", "cross-origin/"));
        refusedSite = ClasspathHttpServer.start(Map.of("/", "cross-origin/"));
        chat = StandaloneService.start("--chat.web.allowed-origins=" + origin(allowedSite));
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable resource : new AutoCloseable[] {browser, chat, refusedSite, allowedSite}) {
            if (resource != null) {
                try {
                    resource.close();
                } catch (Exception e) {
                    throw new IllegalStateException("Could not stop " + resource, e);
                }
            }
        }
    }

    @Test
    void aPageOnAnAllowedOriginLoadsTheComponentAndChats() {
        long ticket = chat.newTicket();
        browser.driver().get(page(allowedSite, ticket));

        await().atMost(Duration.ofSeconds(20)).until(() -> !"pending".equals(loaded()));
        assertThat(loaded()).isEqualTo("yes");
        TicketChatView agent = new TicketChatView(browser.driver(), By.id("agent-1"));
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> "live".equals(agent.connectionState()));
        agent.send("Hello from another origin");

        await().atMost(Duration.ofSeconds(10)).until(() -> ChatApi.bearer(chat.port(), agentToken())
                .get("/api/chat/messages/" + ticket).body().contains("Hello from another origin"));
        await().until(() -> "sent".equals(agent.messageItems().getLast().getDomAttribute("data-status")));
    }

    @Test
    void aPageOnAnotherOriginGetsNothing() {
        browser.driver().get(page(refusedSite, chat.newTicket()));

        await().atMost(Duration.ofSeconds(20)).until(() -> !"pending".equals(loaded()));
        assertThat(loaded()).startsWith("failed");
        assertThat(browser.driver().findElements(By.tagName("ticket-chat"))).isEmpty();
    }

    @Test
    void preflightsAreAnsweredWithoutACredentialForAllowedOriginsOnlyAndStaticFilesCarryTheHeaders() throws Exception {
        HttpResponse<String> allowed = preflight(origin(allowedSite));
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(origin(allowedSite));
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElse("")).containsIgnoringCase("authorization");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();

        HttpResponse<String> refused = preflight(origin(refusedSite));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> script = HTTP.send(HttpRequest.newBuilder(URI.create(chat.baseUrl() + "/ticket-chat/ticket-chat.js"))
                .header("Origin", origin(allowedSite)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Access-Control-Allow-Origin")).hasValue(origin(allowedSite));

        // Without a credential the API still refuses, and the page may read why.
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(chat.baseUrl() + "/api/chat/messages/1"))
                .header("Origin", origin(allowedSite)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Access-Control-Allow-Origin")).hasValue(origin(allowedSite));
    }

    private static HttpResponse<String> preflight(String origin) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(chat.baseUrl() + "/api/chat/messages"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private String loaded() {
        return browser.driver().findElement(By.tagName("body")).getDomAttribute("data-loaded");
    }

    private static String agentToken() {
        return chat.tokens().agent(7001, "Agent Far");
    }

    private static String page(ClasspathHttpServer site, long ticket) {
        return site.uri("/index.html") + "?chat=" + encode(chat.baseUrl()) + "&ticket=" + ticket
                + "&token=" + encode(agentToken()) + "&userId=7001&userName=" + encode("Agent Far");
    }

    private static String origin(ClasspathHttpServer site) {
        URI uri = site.uri("/");
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
