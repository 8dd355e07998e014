package io.ticketchat.web.client;

import io.ticketchat.web.client.browser.ClasspathHttpServer;
import io.ticketchat.web.client.browser.HeadlessChromium;
import io.ticketchat.web.client.browser.RequiresChromium;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 10,000 messages in one conversation (ticket-chat-test/long-conversation.html): the element draws the
 * newest 100 and adds older ones a hundred at a time while the reader scrolls back, letting the far end go
 * past 300. Measures the first render and the frame times of scrolling to the very first message and
 * back down to the last, and logs them.
 */
@RequiresChromium
class TicketChatLongConversationBrowserTest {

    private static final Logger log = LoggerFactory.getLogger(TicketChatLongConversationBrowserTest.class);

    @Test
    void tenThousandMessagesRenderLazilyAndScrollSmoothly() {
        try (ClasspathHttpServer server = ClasspathHttpServer.start(Map.of(
                "/ticket-chat/", "META-INF/resources/ticket-chat/", "/test/", "ticket-chat-test/"));
             HeadlessChromium chromium = HeadlessChromium.start()) {
            chromium.driver().manage().timeouts().scriptTimeout(Duration.ofMinutes(3));
            chromium.driver().get(server.uri("/test/long-conversation.html").toString());
            await().atMost(Duration.ofSeconds(30)).until(() -> chromium.driver().executeScript("return window.ready === true"), Boolean.TRUE::equals);

            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) chromium.driver().executeAsyncScript(
                    "window.measure().then(arguments[arguments.length - 1])");
            log.info("10,000 messages: {}; frames idle, scrolling up, scrolling down: {}", m,
                    chromium.driver().executeScript("return window.details"));

            // Only the newest hundred are in the DOM at first, and never more than 300 while scrolling all the
            // way back to the first message and down to the last again.
            assertThat((Long) m.get("itemsAfterFirstRender")).isEqualTo(100L);
            assertThat((Long) m.get("maxItems")).isLessThanOrEqualTo(300L);
            assertThat((Long) m.get("itemsAtTop")).isEqualTo(300L);
            assertThat((String) m.get("firstText")).startsWith("Message 1: ");
            assertThat((String) m.get("lastText")).startsWith("Message 10000: ");
            // Generous bounds for a shared two-core CI machine without a GPU (the figures are logged and in docs/web-client.md).
            assertThat(((Number) m.get("firstRenderMs")).longValue()).isLessThan(3_000L);
            assertThat(((Number) m.get("frameMedianMs")).doubleValue()).isLessThan(50.0);
            assertThat(((Number) m.get("frameP95Ms")).doubleValue()).isLessThan(150.0);
        }
    }
}
