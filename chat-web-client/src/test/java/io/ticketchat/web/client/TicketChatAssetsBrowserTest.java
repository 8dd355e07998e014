package io.ticketchat.web.client;

import io.ticketchat.web.client.browser.HeadlessChromium;
import io.ticketchat.web.client.browser.RequiresChromium;
import io.ticketchat.web.client.browser.TicketChatView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The component loaded by Chromium from a real Spring MVC server through the README's unversioned URL:
 * the one-line module leads to the versioned files, which a second visit takes from the cache without a
 * request, and the demo page names its favicon.
 */
@RequiresChromium
class TicketChatAssetsBrowserTest {

    private static ConfigurableApplicationContext host;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void start() {
        host = SpringTestHost.start();
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (host != null) {
            host.close();
        }
    }

    @Test
    void theReadmeUrlLoadsTheVersionedModulesAndASecondVisitTakesThemFromTheCache() {
        String version = host.getBean(TicketChatAssets.class).version();
        ChromeDriver driver = chromium.driver();

        List<Map<String, Object>> firstVisit = visitComponentPage(driver);

        assertThat(firstVisit).extracting(entry -> entry.get("path")).contains(
                "/ticket-chat/ticket-chat.js", "/ticket-chat/" + version + "/ticket-chat.js", "/ticket-chat/" + version + "/ticket-chat-client.js");
        assertThat(firstVisit).filteredOn(entry -> String.valueOf(entry.get("path")).contains(version))
                .allSatisfy(entry -> assertThat((Long) entry.get("transferSize")).isPositive());

        List<Map<String, Object>> secondVisit = visitComponentPage(driver);

        // transferSize 0: served from the browser's cache without asking the server.
        assertThat(secondVisit).filteredOn(entry -> String.valueOf(entry.get("path")).contains(version))
                .hasSize(2)
                .allSatisfy(entry -> assertThat(entry.get("transferSize")).isEqualTo(0L));
    }

    private List<Map<String, Object>> visitComponentPage(ChromeDriver driver) {
        driver.get(SpringTestHost.uri(host, "/test/component.html").toString());
        await().until(() -> driver.executeScript("return window.ready === true"), Boolean.TRUE::equals);
        TicketChatView customer = new TicketChatView(driver, By.id("customer"));
        await().atMost(Duration.ofSeconds(10)).until(() -> "live".equals(customer.connectionState()));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) driver.executeScript(
                "return performance.getEntriesByType('resource')"
                        + ".filter(e => e.name.includes('/ticket-chat/'))"
                        + ".map(e => ({path: new URL(e.name).pathname, transferSize: e.transferSize}))");
        return entries;
    }
}
