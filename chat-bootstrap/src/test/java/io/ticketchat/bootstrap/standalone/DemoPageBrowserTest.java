package io.ticketchat.bootstrap.standalone;

import io.ticketchat.web.client.browser.HeadlessChromium;
import io.ticketchat.web.client.browser.RequiresChromium;
import io.ticketchat.web.client.browser.TicketChatView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The standalone service on its embedded database in demo mode, and two headless Chromium sessions on
 * its demo page: the agent and the customer of demo ticket 1 chat through the real REST API, WebSocket
 * endpoint and JWT security. The tests build on each other's conversation, hence the order.
 */
@RequiresChromium
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoPageBrowserTest {

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext service;
    private static HeadlessChromium agentBrowser;
    private static HeadlessChromium customerBrowser;
    private static TicketChatView agent;
    private static TicketChatView customer;
    private static String base;

    @BeforeAll
    static void startServiceAndBrowsers() {
        service = TicketChatApplication.application().run(
                "--server.port=0", "--chat.embedded-database.data-dir=" + dataDir.resolve("mariadb"));
        base = "http://localhost:" + service.getEnvironment().getRequiredProperty("local.server.port");
        agentBrowser = HeadlessChromium.start();
        customerBrowser = HeadlessChromium.start();
        customerBrowser.viewport(375, 812);
        agentBrowser.driver().get(base + "/demo/?ticket=1&as=agent");
        customerBrowser.driver().get(base + "/demo/?ticket=1&as=customer");
        agent = new TicketChatView(agentBrowser.driver(), By.id("agent-1"));
        customer = new TicketChatView(customerBrowser.driver(), By.id("customer-1"));
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> "live".equals(agent.connectionState()) && "live".equals(customer.connectionState()));
    }

    @AfterAll
    static void stopAll() {
        for (AutoCloseable resource : new AutoCloseable[] {customerBrowser, agentBrowser, service}) {
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
    @Order(1)
    void agentAndCustomerExchangeMessages() {
        agent.send("Hello John, how can I help?");
        await().until(() -> customer.messageTexts().contains("Hello John, how can I help?"));

        customer.send("My printer shows <b>error</b> <script>alert(1)</script>");
        await().until(() -> agent.messageTexts().contains("My printer shows <b>error</b> <script>alert(1)</script>"));

        assertThat(agent.messageItems().getLast().findElements(By.cssSelector("b, script"))).isEmpty();
        assertThat(agent.messageTexts()).containsExactly("Hello John, how can I help?", "My printer shows <b>error</b> <script>alert(1)</script>");
        assertThat(customer.messageTexts()).containsExactly("Hello John, how can I help?", "My printer shows <b>error</b> <script>alert(1)</script>");
        await().until(() -> "sent".equals(customer.messageItems().getLast().getDomAttribute("data-status")));
    }

    @Test
    @Order(2)
    void typingAppearsAndClears() {
        customer.type("Let me look");

        await().until(agent::typingIndicatorShown);
        assertThat(agent.typingIndicatorText()).contains("John Doe is typing");
        await().atMost(Duration.ofSeconds(12)).until(() -> !agent.typingIndicatorShown());
        customer.byTestId("input").clear();
    }

    @Test
    @Order(3)
    void aCutConnectionIsShownAndCaughtUpAfterReconnecting() {
        goOffline(true);
        customerBrowser.driver().executeScript("document.getElementById('customer-1').client.simulateDisconnect()");
        await().until(() -> !"live".equals(customer.connectionState()));
        assertThat(customer.statusText()).matches("Reconnecting.*|Offline");

        agent.send("Are you still there?");
        agent.send("I sent a fix.");
        customer.send("written while offline");
        goOffline(false);

        await().atMost(Duration.ofSeconds(45)).until(() -> "live".equals(customer.connectionState()));
        await().until(() -> customer.messageTexts().containsAll(java.util.List.of("Are you still there?", "I sent a fix.")));
        await().until(() -> agent.messageTexts().contains("written while offline"));
        assertThat(customer.messageTexts()).containsOnlyOnce("Are you still there?", "I sent a fix.", "written while offline");
        assertThat(agent.messageTexts()).containsOnlyOnce("Are you still there?", "I sent a fix.", "written while offline");
    }

    @Test
    @Order(4)
    void screenshotsAtPhoneAndDesktopWidths() {
        agentBrowser.viewport(1280, 800);
        customerBrowser.viewport(375, 812);
        assertThat(agentBrowser.screenshot("demo-agent-1280")).exists();
        assertThat(customerBrowser.screenshot("demo-customer-375")).exists();
        assertThat(customerBrowser.driver().executeScript("return document.documentElement.scrollWidth")).isEqualTo(375L);
    }

    @Test
    @Order(5)
    void theScriptsAreServedVersionedCachedAndCompressed() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> loader = http.send(HttpRequest.newBuilder(URI.create(base + "/ticket-chat/ticket-chat.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(loader.headers().firstValue("Cache-Control")).hasValue("no-cache");
        Matcher versioned = Pattern.compile("export \\* from '\\./([0-9a-f]{16})/ticket-chat\\.js';").matcher(loader.body());
        assertThat(versioned.find()).as(loader.body()).isTrue();

        HttpResponse<byte[]> module = http.send(HttpRequest.newBuilder(URI.create(base + "/ticket-chat/" + versioned.group(1) + "/ticket-chat.js"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(module.statusCode()).isEqualTo(200);
        assertThat(module.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
        assertThat(module.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(module.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    private static void goOffline(boolean offline) {
        customerBrowser.driver().executeCdpCommand("Network.enable", Map.of());
        customerBrowser.driver().executeCdpCommand("Network.emulateNetworkConditions", Map.of(
                "offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }
}
