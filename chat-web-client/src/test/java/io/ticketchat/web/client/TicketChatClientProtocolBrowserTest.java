package io.ticketchat.web.client;

import io.ticketchat.web.client.browser.ClasspathHttpServer;
import io.ticketchat.web.client.browser.HeadlessChromium;
import io.ticketchat.web.client.browser.RequiresChromium;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs ticket-chat-test/ticket-chat-client.test.mjs (the protocol client against the fake server, written
 * for node --test) in Chromium, so the build checks the client where it really runs, with or without Node.
 * Each JavaScript test shows up as one JUnit test.
 */
@RequiresChromium
class TicketChatClientProtocolBrowserTest {

    @TestFactory
    Stream<DynamicTest> protocolTestsPassInChromium() {
        List<Map<String, Object>> results;
        try (ClasspathHttpServer server = ClasspathHttpServer.start(Map.of(
                "/ticket-chat/", "META-INF/resources/ticket-chat/",
                "/test/", "ticket-chat-test/"));
             HeadlessChromium chromium = HeadlessChromium.start()) {
            chromium.driver().get(server.uri("/test/protocol-tests.html").toString());
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> chromium.driver().executeScript("return window.testResults !== undefined"), Boolean.TRUE::equals);
            results = readResults(chromium.driver().executeScript("return window.testResults"));
        }
        assertThat(results).as("JavaScript tests found").hasSizeGreaterThan(10);
        return results.stream().map(result -> DynamicTest.dynamicTest(String.valueOf(result.get("name")), () ->
                assertThat(result.get("ok")).as(String.valueOf(result.get("error"))).isEqualTo(Boolean.TRUE)));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> readResults(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
