package io.ticketchat.bootstrap.standalone;

import io.ticketchat.web.client.browser.Axe;
import io.ticketchat.web.client.browser.ClasspathHttpServer;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;
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
 * endpoint and JWT security. The tests build on each other's conversation, hence the order. A third origin
 * serves the guide's React usage example (built by chat-web-client's npm step), allowed by
 * chat.web.allowed-origins, to run it unchanged against the service.
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
    private static ClasspathHttpServer guidePages;
    private static final Path DOC_IMAGES = Path.of("..", "docs", "images");

    @BeforeAll
    static void startServiceAndBrowsers() {
        guidePages = ClasspathHttpServer.start(Map.of("/react/", "ticket-chat-react/"));
        String guideOrigin = guidePages.uri("/").toString().replaceAll("/$", "");
        service = TicketChatApplication.application().run(
                "--server.port=0", "--chat.embedded-database.data-dir=" + dataDir.resolve("mariadb"),
                "--chat.web.allowed-origins=" + guideOrigin);
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
        for (AutoCloseable resource : new AutoCloseable[] {customerBrowser, agentBrowser, service, guidePages}) {
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
    void screenshotsAtPhoneAndDesktopWidths() throws Exception {
        agentBrowser.viewport(1280, 800);
        save(agentBrowser.screenshot("demo-agent-1280"), "demo-agent-1280.png");
        for (int width : new int[] {375, 320}) {
            customerBrowser.viewport(width, 740);
            // No sideways scrolling, and the chat takes the whole width of a phone.
            assertThat(customerBrowser.driver().executeScript("return document.documentElement.scrollWidth")).isEqualTo((long) width);
            assertThat(customer.element().getRect().getWidth()).isEqualTo(width);
            assertThat(customer.element().getRect().getHeight()).isGreaterThan(600);
            save(customerBrowser.screenshot("demo-customer-" + width), "demo-customer-" + width + ".png");
        }
        customerBrowser.viewport(375, 812);
    }

    private static void save(Path screenshot, String name) throws java.io.IOException {
        // The docs' pictures change only when asked for (-Dchat.screenshots.update=true); target/screenshots always has them.
        if (!Boolean.getBoolean("chat.screenshots.update")) {
            return;
        }
        Files.createDirectories(DOC_IMAGES);
        Files.copy(screenshot, DOC_IMAGES.resolve(name), StandardCopyOption.REPLACE_EXISTING);
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

    @Test
    @Order(6)
    void axeFindsNoViolationsOnTheDemoInLightDarkAndRightToLeft() throws Exception {
        ChromeDriver driver = customerBrowser.driver();
        assertThat(Axe.violations(driver)).as("light").isEmpty();

        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        assertThat(customer.element().getCssValue("background-color")).isEqualTo("rgba(13, 17, 23, 1)");
        assertThat(Axe.violations(driver)).as("dark").isEmpty();
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "light"))));

        driver.get(base + "/demo/?ticket=1&as=customer&lang=ar&dir=rtl");
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> "live".equals(customer.connectionState()));
        assertThat(customer.byTestId("send-button").getText()).isEqualTo("إرسال");
        assertThat(Axe.violations(driver)).as("rtl").isEmpty();
        save(customerBrowser.screenshot("demo-customer-375-ar"), "demo-customer-375-ar.png");
    }

    /** The guide's "Usage Example", unchanged, in a React 19 page on another origin, against this service. */
    @Test
    @Order(7)
    void theGuidesUsageExampleRunsUnchangedAgainstTheService() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String tickets = http.send(HttpRequest.newBuilder(URI.create(base + "/api/chat/demo/tickets")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String issued = http.send(HttpRequest.newBuilder(URI.create(base + "/api/chat/demo/token?ticketId=1&userType=agent")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher ticket = Pattern.compile("\\{[^{}]*\"id\":1(?=[,}])[^{}]*}").matcher(tickets);
        Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(issued);
        Matcher user = Pattern.compile("\"user\":(\\{[^}]*})").matcher(issued);
        assertThat(ticket.find() && token.find() && user.find()).as(tickets + issued).isTrue();
        ChromeDriver driver = agentBrowser.driver();
        driver.get(guidePages.uri("/react/guide.html").toString() + "?api=" + encode(base) + "&ticket=" + encode(ticket.group())
                + "&user=" + encode(user.group(1)) + "&token=" + encode(token.group(1)));

        WebElement open = await().ignoreExceptions().until(() -> driver.findElement(By.xpath("//button[normalize-space()='Open Chat']")), e -> true);
        assertThat(driver.findElements(By.tagName("ticket-chat"))).isEmpty();
        open.click();

        TicketChatView guideChat = new TicketChatView(driver, By.tagName("ticket-chat"));
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> "live".equals(guideChat.connectionState()));
        assertThat(guideChat.messageTexts()).contains("Hello John, how can I help?");
        guideChat.send("Sent from the guide's example");
        await().until(() -> customer.messageTexts().contains("Sent from the guide's example"));
        await().until(() -> "sent".equals(guideChat.messageItems().getLast().getDomAttribute("data-status")));

        guideChat.byTestId("close").click();

        await().until(() -> driver.findElements(By.tagName("ticket-chat")).isEmpty());
        assertThat(driver.findElement(By.xpath("//button[normalize-space()='Open Chat']")).isDisplayed()).isTrue();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
