package io.ticketchat.web.client;

import io.ticketchat.web.client.browser.ClasspathHttpServer;
import io.ticketchat.web.client.browser.HeadlessChromium;
import io.ticketchat.web.client.browser.RequiresChromium;
import io.ticketchat.web.client.browser.TicketChatView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The React package (chat-web-client/react, bundled by esbuild in the build) rendered by React 18 and by
 * React 19 in headless Chromium, over the fake backend: the guide's props reach the element, a sent reply
 * calls onReplyAdded once, the close button calls onClose, and re-renders with new prop objects don't
 * restart the chat.
 */
@RequiresChromium
class TicketChatReactBrowserTest {

    private static ClasspathHttpServer server;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void start() {
        server = ClasspathHttpServer.start(Map.of(
                "/ticket-chat/", "META-INF/resources/ticket-chat/",
                "/test/", "ticket-chat-test/",
                "/react/", "ticket-chat-react/"));
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

    @ParameterizedTest(name = "React {0}")
    @ValueSource(strings = {"18", "19"})
    void theGuidesPropsAndCallbacksWork(String reactMajor) {
        ChromeDriver driver = chromium.driver();
        driver.get(server.uri("/test/react.html?react=" + reactMajor).toString());
        await().until(() -> driver.executeScript("return window.ready === true"), Boolean.TRUE::equals);
        TicketChatView agent = new TicketChatView(driver, By.id("agent"));
        TicketChatView customer = new TicketChatView(driver, By.id("customer"));
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() ->
                "live".equals(agent.connectionState()) && "live".equals(customer.connectionState()));
        assertThat(driver.findElement(By.id("react-version")).getText()).startsWith(reactMajor + ".");

        // ticket and user arrived as properties (React 18 would have stringified them as attributes).
        assertThat(agent.byTestId("title").getText()).isEqualTo("Printer on fire");
        assertThat(driver.executeScript("return document.getElementById('agent').user.name")).isEqualTo("Agent Smith");
        assertThat(driver.executeScript("return document.getElementById('agent').auth")).isEqualTo("token");
        assertThat(agent.messageTexts()).containsExactly("Hi, my printer is on fire.", "Sorry to hear that!");

        agent.send("Unplug it, please.");

        await().until(() -> customer.messageTexts().contains("Unplug it, please."));
        await().until(() -> "1".equals(driver.findElement(By.id("replies")).getText()));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events = (List<Map<String, Object>>) driver.executeScript("return window.reactEvents");
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event).containsEntry("type", "reply-added").containsEntry("text", "Unplug it, please.");
            assertThat(event.get("id")).isNotNull();
        });
        // The re-render after onReplyAdded passed new ticket, user and tokenProvider objects: no restart.
        assertThat(agent.connectionState()).isEqualTo("live");
        assertThat(agent.messageTexts()).containsExactly("Hi, my printer is on fire.", "Sorry to hear that!", "Unplug it, please.");

        agent.byTestId("close").click();

        await().until(() -> !driver.findElements(By.id("closed")).isEmpty());
        assertThat(driver.findElements(By.id("agent"))).isEmpty();
        assertThat((List<?>) driver.executeScript("return window.reactEvents")).hasSize(2);
        assertThat(driver.executeScript("return window.reactEvents[1]")).isEqualTo(Map.of("type", "close", "ticketId", "1"));
    }
}
