package io.ticketchat.web.client;

import io.ticketchat.web.client.browser.Axe;
import io.ticketchat.web.client.browser.ClasspathHttpServer;
import io.ticketchat.web.client.browser.HeadlessChromium;
import io.ticketchat.web.client.browser.RequiresChromium;
import io.ticketchat.web.client.browser.TicketChatView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the widget looks like and says, in headless Chromium over the fake backend (ticket-chat-test/widget.html:
 * a conversation over five days, seen by the customer, the agent, and a customer nobody has answered yet).
 */
@RequiresChromium
class TicketChatWidgetBrowserTest {

    static final Path DOC_IMAGES = Path.of("..", "docs", "images");

    private static ClasspathHttpServer server;
    private static HeadlessChromium chromium;
    private ChromeDriver driver;
    private TicketChatView customer;
    private TicketChatView fresh;
    private TicketChatView agent;

    @BeforeAll
    static void start() {
        server = ClasspathHttpServer.start(Map.of(
                "/ticket-chat/", "META-INF/resources/ticket-chat/",
                "/test/", "ticket-chat-test/"));
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void lightAgain() {
        prefersDark(false);
    }

    private void open(String query) {
        driver = chromium.driver();
        chromium.viewport(1280, 800);
        driver.get(server.uri("/test/widget.html" + query).toString());
        await().until(() -> driver.executeScript("return window.ready === true"), Boolean.TRUE::equals);
        customer = new TicketChatView(driver, By.id("customer"));
        fresh = new TicketChatView(driver, By.id("fresh"));
        agent = new TicketChatView(driver, By.id("agent"));
        await().atMost(Duration.ofSeconds(10)).until(() -> "live".equals(customer.connectionState())
                && "live".equals(fresh.connectionState()) && "live".equals(agent.connectionState()));
        await().until(() -> customer.messageTexts().size() == 6);
    }

    @Test
    void theCustomersHeaderShowsSupportUntilAnAgentAnswersThenTheAgent() {
        open("");
        assertThat(fresh.byTestId("title").getText()).isEqualTo("Support");
        assertThat(fresh.byTestId("header-avatar").getText()).isEqualTo("S");
        assertThat(fresh.byTestId("subtitle").getText()).isEqualTo("Refund · Ticket #2");
        assertThat(customer.byTestId("title").getText()).isEqualTo("Agent Smith");
        assertThat(customer.byTestId("header-avatar").getText()).isEqualTo("AS");
        // The agent sees the ticket and its customer.
        assertThat(agent.byTestId("title").getText()).isEqualTo("Invoice lists three printers");
        assertThat(agent.byTestId("header-avatar").getText()).isEqualTo("JC");

        driver.executeScript("fakeServer.post(2, {senderType: 'agent', senderId: 3, senderName: 'Maria Lopez', text: 'On its way!'})");

        await().until(() -> "Maria Lopez".equals(fresh.byTestId("title").getText()));
        assertThat(fresh.byTestId("header-avatar").getText()).isEqualTo("ML");
    }

    @Test
    void groupsMessagesByDayAndSenderWithOneTimePerRun() {
        open("");
        assertThat(visibleTexts(customer, "day-separator")).hasSize(3).endsWith("Yesterday", "Today")
                .first().asString().doesNotContain("Today").isNotBlank();
        // Two runs of Jane's two minutes apart, one of the agent's, then two of Jane's 18 minutes apart: 4 times.
        assertThat(visibleTexts(customer, "message-time")).hasSize(4).allMatch(t -> t.matches("\\d{1,2}:\\d{2}.*"));
        // The agent's name and avatar once, at the start of the agent's run; Jane's own messages carry none.
        assertThat(visibleTexts(customer, "message-sender")).containsExactly("Agent Smith");
        List<WebElement> agentAvatars = customer.element().getShadowRoot()
                .findElements(By.cssSelector("li.other [data-testid='message-avatar']"));
        assertThat(agentAvatars).hasSize(2);
        assertThat(agentAvatars.get(0).getText()).isEqualTo("AS");
        assertThat(agentAvatars.get(0).getCssValue("visibility")).isEqualTo("visible");
        assertThat(agentAvatars.get(1).getCssValue("visibility")).isEqualTo("hidden");
        // The agent's view groups the same way: Jane's name at the start of each of her runs.
        assertThat(visibleTexts(agent, "message-sender")).containsExactly("Jane Customer", "Jane Customer", "Jane Customer");
    }

    @Test
    void linksAreClickableOnlyForHttpAndMailtoAndLongWordsWrap() {
        open("");
        WebElement bubble = customer.messageItems().get(2).findElement(By.cssSelector("[data-testid='message-text']"));
        List<WebElement> links = bubble.findElements(By.cssSelector("a"));
        // javascript: stays text; the markup stays text too, though the http URL typed inside it is a link.
        assertThat(links).extracting(a -> a.getDomAttribute("href"))
                .containsExactly("https://example.com/help?topic=invoices", "mailto:billing@example.com", "https://evil.test/");
        assertThat(links).extracting(WebElement::getText)
                .containsExactly("https://example.com/help?topic=invoices", "mailto:billing@example.com", "https://evil.test");
        assertThat(links).allSatisfy(a -> {
            assertThat(a.getDomAttribute("rel")).isEqualTo("noopener noreferrer");
            assertThat(a.getDomAttribute("target")).isEqualTo("_blank");
        });
        // The text is unchanged (the full stop after the URL stays text) and the HTML in it is only text.
        assertThat(customer.messageTexts().get(2)).isEqualTo("Thanks Jane! See https://example.com/help?topic=invoices. Or write to "
                + "mailto:billing@example.com (javascript:alert(1) is no link, nor is <a href=\"https://evil.test\">this</a>).");

        WebElement longWord = customer.messageItems().get(3).findElement(By.cssSelector("[data-testid='message-text']"));
        Map<?, ?> box = (Map<?, ?>) driver.executeScript("const b = arguments[0], list = arguments[1];"
                + "return {bubble: b.scrollWidth - b.clientWidth, list: list.scrollWidth - list.clientWidth}",
                longWord, customer.byTestId("message-list"));
        assertThat(box).isEqualTo(Map.of("bubble", 0L, "list", 0L));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"de, Senden, Gestern, Heute, Nachricht schreiben…, ltr, Support", "ar, إرسال, أمس, اليوم, اكتب رسالة…, rtl, الدعم"})
    void labelsFollowThePagesLanguage(String lang, String send, String yesterday, String today, String placeholder, String direction,
                                      String support) {
        open("?lang=" + lang);
        assertThat(customer.byTestId("send-button").getText()).isEqualTo(send);
        assertThat(customer.byTestId("input").getDomAttribute("placeholder")).isEqualTo(placeholder);
        assertThat(visibleTexts(customer, "day-separator")).endsWith(yesterday, today);
        assertThat(customer.byTestId("send-button").getCssValue("direction")).isEqualTo(direction);
        assertThat(fresh.byTestId("title").getText()).isEqualTo(support);
    }

    @Test
    void rightToLeftPutsOwnMessagesOnTheLeft() {
        open("?lang=ar&dir=rtl");
        // Own bubbles hug the left edge of the list, theirs (after the avatar) the right one.
        Map<?, ?> edges = (Map<?, ?>) driver.executeScript("""
                const [list, own, theirs] = arguments;
                const l = list.getBoundingClientRect(), o = own.getBoundingClientRect(), t = theirs.getBoundingClientRect();
                return {own: Math.round(o.left - l.left), theirs: Math.round(l.right - t.right)}""",
                customer.byTestId("message-list"),
                customer.messageItems().getLast().findElement(By.cssSelector("[data-testid='message-text']")),
                customer.messageItems().get(2).findElement(By.cssSelector("[data-testid='message-text']")));
        assertThat((Long) edges.get("own")).isLessThan(30L);
        assertThat((Long) edges.get("theirs")).isLessThan(70L);
        WebElement close = customer.byTestId("close");
        assertThat(close.getRect().getX()).isLessThan(customer.byTestId("title").getRect().getX());
        save(chromium.screenshot("widget-rtl-ar"), "widget-rtl-ar.png");
    }

    @Test
    void aHostAddsALanguageOrOverridesLabels() {
        open("");
        driver.executeScript("""
                customElements.get('ticket-chat').addLocale('fr', {send: 'Envoyer', today: "Aujourd’hui", support: 'Assistance'});
                document.getElementById('fresh').lang = 'fr';
                document.getElementById('customer').labels = {send: 'Go'};""");

        await().until(() -> "Envoyer".equals(fresh.byTestId("send-button").getText()));
        assertThat(fresh.byTestId("title").getText()).isEqualTo("Assistance");
        assertThat(visibleTexts(fresh, "day-separator")).containsExactly("Aujourd’hui");
        // Keys a language leaves out stay English.
        assertThat(fresh.byTestId("retry").getDomProperty("textContent")).isEqualTo("Retry");
        assertThat(customer.byTestId("send-button").getText()).isEqualTo("Go");
        assertThat(agent.byTestId("send-button").getText()).isEqualTo("Send");
    }

    @Test
    void darkFollowsTheSystemUnlessAThemeIsForcedAndBrandColoursApply() {
        open("");
        assertThat(background(customer)).isEqualTo("rgba(255, 255, 255, 1)");
        prefersDark(true);
        assertThat(background(customer)).isEqualTo("rgba(13, 17, 23, 1)");
        driver.executeScript("document.getElementById('agent').setAttribute('theme', 'light');"
                + "document.getElementById('fresh').style.setProperty('--ticket-chat-accent', 'rgb(120, 40, 200)')");
        assertThat(background(agent)).isEqualTo("rgba(255, 255, 255, 1)");
        assertThat(fresh.byTestId("send-button").getCssValue("background-color")).isEqualTo("rgba(120, 40, 200, 1)");
        prefersDark(false);
        driver.executeScript("document.getElementById('customer').setAttribute('theme', 'dark')");
        assertThat(background(customer)).isEqualTo("rgba(13, 17, 23, 1)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"light, ''", "dark, ?theme=dark", "rtl, ?lang=ar&dir=rtl", "dark-system, ?lang=de"})
    void axeFindsNoViolations(String name, String query) {
        open(query);
        if (name.equals("dark-system")) {
            prefersDark(true);
        }
        customer.type("Hello");
        assertThat(Axe.violations(driver)).as(name).isEmpty();
        if (name.equals("dark")) {
            chromium.viewport(375, 812);
            save(chromium.screenshot("widget-dark-375"), "widget-dark-375.png");
        }
    }

    private String background(TicketChatView view) {
        return view.element().getCssValue("background-color");
    }

    private void prefersDark(boolean dark) {
        if (driver != null) {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                    List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> visibleTexts(TicketChatView view, String testId) {
        return (List<String>) driver.executeScript("return [...arguments[0].shadowRoot.querySelectorAll(\"[data-testid='" + testId
                + "']\")].filter((e) => e.checkVisibility()).map((e) => e.textContent)", view.element());
    }

    static void save(Path screenshot, String name) {
        try {
            // The docs' pictures change only when asked for (-Dchat.screenshots.update=true); target/screenshots always has them.
            if (!Boolean.getBoolean("chat.screenshots.update")) {
                return;
            }
            Files.createDirectories(DOC_IMAGES);
            Files.copy(screenshot, DOC_IMAGES.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
