package io.ticketchat.web.client;

import io.ticketchat.web.client.browser.ClasspathHttpServer;
import io.ticketchat.web.client.browser.HeadlessChromium;
import io.ticketchat.web.client.browser.RequiresChromium;
import io.ticketchat.web.client.browser.TicketChatView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The component in a real headless Chromium, against the in-memory fake backend of
 * ticket-chat-test/fake-chat-server.js (the page swaps it in for fetch and WebSocket). Agent and customer
 * chat on the same page, each through their own component and socket.
 */
@RequiresChromium
class TicketChatComponentBrowserTest {

    private static final String SCRIPT_PAYLOAD = "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\"><b>bold?</b>";

    private static ClasspathHttpServer server;
    private static HeadlessChromium chromium;

    private ChromeDriver driver;
    private TicketChatView agent;
    private TicketChatView customer;

    @BeforeAll
    static void startBrowser() {
        server = ClasspathHttpServer.start(Map.of(
                "/ticket-chat/", "META-INF/resources/ticket-chat/",
                "/test/", "ticket-chat-test/"));
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openPage() {
        driver = chromium.driver();
        chromium.viewport(1280, 800);
        driver.get(server.uri("/test/component.html").toString());
        // The page defines <ticket-chat> only after installing the fake backend.
        await().until(() -> driver.executeScript("return window.ready === true"), Boolean.TRUE::equals);
        agent = new TicketChatView(driver, By.id("agent"));
        customer = new TicketChatView(driver, By.id("customer"));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                "live".equals(agent.connectionState()) && "live".equals(customer.connectionState()));
    }

    @Test
    void rendersHistoryThenExchangesMessagesLive() {
        assertThat(agent.messageTexts()).containsExactly(
                "Hi, my printer is on fire. 🔥", "Sorry to hear that! Is it still burning?", "Only a little.\nShould I unplug it?");
        assertThat(agent.statusText()).isEqualTo("Live");
        // The customer read the agent's reply while the agent's socket was still joining: the receipt still shows.
        await().until(() -> "Seen".equals(messageState(agent.messageItems().get(1))));

        agent.send("Yes, unplug it please.");

        await().until(() -> customer.messageTexts().contains("Yes, unplug it please."));
        await().until(() -> lastItem(agent).getDomAttribute("data-status").equals("sent"));
        assertThat(agent.messageTexts()).containsOnlyOnce("Yes, unplug it please.");
        assertThat(lastItem(customer).getDomAttribute("class")).contains("other");
        assertThat(lastItem(agent).getDomAttribute("class")).contains("own");
        // The customer's chat is on screen, so it marks the message read and the agent sees the receipt.
        await().until(() -> "Seen".equals(messageState(lastItem(agent))));
        assertThat(agent.byTestId("input").getDomProperty("value")).isEmpty();
        assertThat(replyAddedEvents()).isEqualTo(1L);
        assertThat(customer.byTestId("announcer").getDomProperty("textContent")).contains("Agent Smith: Yes, unplug it please.");
    }

    @Test
    void explainsErrorsInWordsAndRecoversOnRetry() {
        driver.executeScript("document.getElementById('agent').setAttribute('ticket-id', '404')");

        await().until(() -> agent.byTestId("error").isDisplayed());
        assertThat(agent.byTestId("error-text").getText()).isEqualTo("This ticket’s chat could not be found.");
        assertThat(agent.connectionState()).isEqualTo("failed");
        chromium.screenshot("ticket-chat-error");

        driver.executeScript("fakeServer.tickets.set('404', {id: 404, name: 'Late Ticket', issue_title: 'Created meanwhile'})");
        agent.byTestId("retry").click();

        await().until(() -> "live".equals(agent.connectionState()));
        assertThat(agent.byTestId("error").isDisplayed()).isFalse();
        assertThat(agent.byTestId("title").getText()).isEqualTo("Created meanwhile");
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("agent");
    }

    @Test
    void countsUnreadMessagesWhileScrolledUpAndClearsThemWhenShown() {
        driver.executeScript("for (let i = 1; i <= 15; i++) fakeServer.post(1, {senderType: 'agent', senderName: 'Agent Smith', text: 'filler ' + i})");
        await().until(() -> customer.messageTexts().size() == 18);
        assertThat(customer.byTestId("unread-badge").isDisplayed()).isFalse();

        driver.executeScript("arguments[0].scrollTop = 0", customer.byTestId("message-list"));
        driver.executeScript("fakeServer.post(1, {senderType: 'agent', senderName: 'Agent Smith', text: 'are you there?'});"
                + "fakeServer.post(1, {senderType: 'agent', senderName: 'Agent Smith', text: 'hello?'})");

        await().until(() -> customer.byTestId("unread-badge").isDisplayed());
        assertThat(customer.byTestId("unread-badge").getText()).isEqualTo("2");
        assertThat(customer.byTestId("jump-to-latest").isDisplayed()).isTrue();

        customer.byTestId("unread-badge").click();

        await().until(() -> !customer.byTestId("unread-badge").isDisplayed());
        await().until(() -> "Seen".equals(messageState(lastItem(agent))));
    }

    @Test
    void showsHtmlAndScriptsAsLiteralText() {
        customer.send(SCRIPT_PAYLOAD);

        await().until(() -> agent.messageTexts().contains(SCRIPT_PAYLOAD));
        assertThat(customer.messageTexts()).contains(SCRIPT_PAYLOAD);
        for (TicketChatView view : List.of(agent, customer)) {
            assertThat(lastItem(view).findElements(By.cssSelector("script, img, b"))).isEmpty();
        }
        assertThat(driver.executeScript("return window.__pwned === undefined")).isEqualTo(true);
    }

    @Test
    void shiftEnterWritesANewLineAndEnterSends() {
        customer.type("first line", Keys.chord(Keys.SHIFT, Keys.ENTER), "second line");
        assertThat(customer.messageTexts()).hasSize(3);

        customer.type(Keys.ENTER);

        await().until(() -> agent.messageTexts().contains("first line\nsecond line"));
    }

    @Test
    void typingIndicatorAppearsWhileTheOtherSideTypesAndClearsAfterwards() {
        assertThat(customer.typingIndicatorShown()).isFalse();

        agent.type("Let me check");

        await().until(customer::typingIndicatorShown);
        assertThat(customer.typingIndicatorText()).contains("Agent Smith is typing");
        assertThat(agent.typingIndicatorShown()).isFalse();
        await().atMost(Duration.ofSeconds(8)).until(() -> !customer.typingIndicatorShown());
    }

    @Test
    void showsTheCutReconnectsAndCatchesUp() {
        // A network cut: sockets drop and REST fails too (with REST alive the client would fall back to it).
        driver.executeScript("fakeServer.online = false; fakeServer.cutSockets();");
        await().until(() -> !"live".equals(customer.connectionState()));
        assertThat(customer.statusText()).startsWith("Reconnecting");

        driver.executeScript("fakeServer.post(1, {senderType: 'agent', senderName: 'Agent Smith', text: 'sent while you were away'})");
        customer.send("written while offline");
        assertThat(lastItem(customer).getDomAttribute("data-status")).isEqualTo("pending");
        assertThat(lastItem(customer).findElement(By.cssSelector("[data-testid='message-state']")).getText())
                .isEqualTo("Waiting for connection…");
        chromium.screenshot("ticket-chat-reconnecting");
        driver.executeScript("fakeServer.online = true;");

        await().atMost(Duration.ofSeconds(15)).until(() -> "live".equals(customer.connectionState()));
        await().until(() -> customer.messageTexts().contains("sent while you were away")
                && agent.messageTexts().contains("written while offline"));
        assertThat(customer.messageTexts()).containsOnlyOnce("sent while you were away", "written while offline");
        assertThat(agent.messageTexts()).containsOnlyOnce("sent while you were away", "written while offline");
        assertThat(driver.executeScript("return fakeServer.messages.filter(m => m.message === 'written while offline').length"))
                .isEqualTo(1L);
    }

    @Test
    void aWaitingReconnectGoesAtOnceWhenThePageRegainsFocusOrTheNetwork() {
        for (String event : List.of("window.dispatchEvent(new Event('focus'))", "window.dispatchEvent(new Event('online'))",
                "document.dispatchEvent(new Event('visibilitychange'))")) {
            driver.executeScript("fakeServer.online = false; fakeServer.cutSockets();");
            // Back-off 0.5, 1, 2, 4 s: wait until the next attempt is seconds away.
            await().atMost(Duration.ofSeconds(10)).until(() -> customer.statusText().matches("Reconnecting in [2-8]s…"));
            driver.executeScript("fakeServer.online = true;" + event);

            await().atMost(Duration.ofMillis(1000)).until(() -> "live".equals(customer.connectionState()));
        }
    }

    @Test
    void reloadsTheConversationWhenTheServersHistoryWentBack() {
        driver.executeScript("fakeServer.socketsEnabled = false; fakeServer.cutSockets(); fakeServer.resetDatabase();"
                + "fakeServer.post(1, {senderType: 'customer', senderId: 2, senderName: 'Jane Customer', text: 'Hello again, after the restore'});"
                + "fakeServer.socketsEnabled = true;");

        await().atMost(Duration.ofSeconds(10)).until(() -> agent.messageTexts().equals(List.of("Hello again, after the restore")));
        await().until(() -> "live".equals(agent.connectionState()));
        // Id 2 was "Sorry to hear that!" on this page before: the new message must not be taken for it.
        customer.send("And one more");

        await().until(() -> agent.messageTexts().equals(List.of("Hello again, after the restore", "And one more")));
        assertThat(agent.byTestId("loading").isDisplayed()).isFalse();
    }

    @Test
    void fallsBackToRestWhenSocketsAreBlocked() {
        driver.executeScript("fakeServer.socketsEnabled = false; fakeServer.cutSockets();");

        await().atMost(Duration.ofSeconds(10)).until(() -> "polling".equals(customer.connectionState()));
        assertThat(customer.statusText()).isEqualTo("Connected (limited)");
        customer.send("over plain HTTP");
        driver.executeScript("fakeServer.post(1, {senderType: 'agent', senderName: 'Agent Smith', text: 'seen by polling'})");

        await().until(() -> agent.messageTexts().contains("over plain HTTP"));
        await().until(() -> customer.messageTexts().contains("seen by polling"));
        await().until(() -> "sent".equals(lastItemWithText(customer, "over plain HTTP").getDomAttribute("data-status")));
    }

    @Test
    void worksUnderAStrictContentSecurityPolicyWithTrustedTypes() {
        driver.get(server.uri("/test/strict-csp.html").toString());
        await().until(() -> driver.executeScript("return window.ready === true"), Boolean.TRUE::equals);
        TicketChatView locked = new TicketChatView(driver, By.id("customer"));

        await().until(() -> "live".equals(locked.connectionState()));
        locked.send("typed under CSP");

        await().until(() -> locked.messageTexts().equals(List.of("Hello from a locked-down page", "typed under CSP")));
        assertThat(locked.byTestId("send-button").getCssValue("font-weight")).isEqualTo("600");
        assertThat(driver.executeScript("return window.cspViolations")).asList().isEmpty();
    }

    @Test
    void withoutATokenItUsesTheHostsSessionAndSendsTheCsrfCookieBack() {
        TicketChatView chat = openCookieModePage("");

        await().until(() -> "live".equals(chat.connectionState()));
        chat.send("sent with the session cookie");

        await().until(() -> "sent".equals(lastItem(chat).getDomAttribute("data-status")));
        assertThat(driver.executeScript("return fakeServer.messages.at(-1).sender_name")).isEqualTo("Jane Customer");
        List<Map<String, Object>> requests = requests();
        assertThat(requests).extracting(r -> r.get("path")).contains("/api/chat/ws-ticket");
        assertThat(requests).allSatisfy(request -> {
            Map<String, Object> headers = headers(request);
            assertThat(headers).doesNotContainKey("authorization").containsEntry("x-requested-with", "XMLHttpRequest");
            assertThat(request.get("credentials")).isEqualTo("same-origin");
            if (!"GET".equals(request.get("method"))) {
                assertThat(headers).containsEntry("x-xsrf-token", "tok/en=1"); // the real cookie, URL-decoded
            }
        });
        assertThat(driver.executeScript("return consoleLines")).asList().singleElement().asString()
                .contains("cookie mode", "neither token nor tokenProvider is set");
    }

    @Test
    void theCsrfCookieAndHeaderNamesAndATokenProviderAreConfigurable() {
        TicketChatView chat = openCookieModePage("");
        await().until(() -> "live".equals(chat.connectionState()));

        driver.executeScript("document.cookie = 'MY-XSRF=from-my-cookie; path=/';"
                + "fakeServer.csrf = {headerName: 'X-My-Csrf', token: 'from-my-cookie'};"
                + "const chat = document.getElementById('customer');"
                + "chat.setAttribute('csrf-cookie-name', 'MY-XSRF'); chat.setAttribute('csrf-header-name', 'X-My-Csrf');");
        await().until(() -> "live".equals(chat.connectionState()) && lastWsTicketHeader("x-my-csrf") != null);
        assertThat(lastWsTicketHeader("x-my-csrf")).isEqualTo("from-my-cookie");

        driver.executeScript("fakeServer.csrf.token = 'from-the-provider';"
                + "document.getElementById('customer').csrfToken = ({refresh}) => 'from-the-provider';");
        chat.send("with the provided token");

        await().until(() -> "sent".equals(lastItem(chat).getDomAttribute("data-status")));
        assertThat(driver.executeScript("return fakeServer.messages.at(-1).message")).isEqualTo("with the provided token");
    }

    @Test
    void authTokenWithoutATokenWaitsVisiblyAndStartsWhenOneArrives() {
        TicketChatView chat = openCookieModePage("");
        await().until(() -> "live".equals(chat.connectionState()));

        driver.executeScript("document.getElementById('customer').setAttribute('auth', 'token')");

        await().until(() -> "Waiting for a token".equals(chat.statusText()));
        assertThat(driver.executeScript("return consoleLines.filter(l => l.startsWith('warn:')).length")).isEqualTo(1L);
        driver.executeScript("document.getElementById('customer').token = 'customer:2:Jane Customer'");
        await().until(() -> "live".equals(chat.connectionState()));
        assertThat(headers(requests().getLast())).containsEntry("authorization", "Bearer customer:2:Jane Customer");
    }

    @Test
    void aCsrfRefusalSaysSoAndRetryWorksOnceTheTokenIsRight() {
        TicketChatView chat = openCookieModePage("?csrf=issued-after-the-page");

        await().until(() -> chat.byTestId("error").isDisplayed());
        assertThat(chat.byTestId("error-text").getText())
                .startsWith("The server refused the request (CSRF token missing or invalid)")
                .doesNotContain("access");
        assertThat(chat.messageTexts()).containsExactly("Hello from the help desk");

        driver.executeScript("document.cookie = 'XSRF-TOKEN=issued-after-the-page; path=/'");
        chat.byTestId("retry").click();

        await().until(() -> "live".equals(chat.connectionState()));
        assertThat(chat.byTestId("error").isDisplayed()).isFalse();
    }

    @Test
    void aSignedOutSessionIsSaidInWordsForRedirectsAndLoginPages() {
        for (String answer : List.of("redirect", "html")) {
            TicketChatView chat = openCookieModePage("?signedOut=" + answer);

            await().until(() -> chat.byTestId("error").isDisplayed());
            assertThat(chat.byTestId("error-text").getText())
                    .isEqualTo("You’re signed out or your session has expired. Sign in again, then retry.");
            assertThat(chat.statusText()).isEqualTo("Signed out");
            assertThat(chat.connectionState()).isEqualTo("failed");

            driver.executeScript("fakeServer.session = 'customer:2:Jane Customer'");
            chat.byTestId("retry").click();

            await().until(() -> "live".equals(chat.connectionState()));
            assertThat(chat.messageTexts()).containsExactly("Hello from the help desk");
        }
    }

    @Test
    void aLogoutClosingTheSocketEndsInTheSignedOutState() {
        TicketChatView chat = openCookieModePage("");
        await().until(() -> "live".equals(chat.connectionState()));

        driver.executeScript("fakeServer.session = null; fakeServer.closeSockets(1008, 'not authenticated')");

        await().until(() -> "failed".equals(chat.connectionState()));
        assertThat(chat.statusText()).isEqualTo("Signed out");
        assertThat(chat.byTestId("error-text").getText()).startsWith("You’re signed out");
        assertThat(driver.executeScript("return fakeServer.requests.filter(r => r.path === '/api/chat/ws-ticket').length"))
                .isEqualTo(2L);
    }

    @Test
    void bubblesTakeTheirDirectionFromTheirText() {
        customer.send("مرحبا، الطابعة لا تزال تحترق");
        customer.send("שלום, המדפסת עדיין בוערת");

        await().until(() -> agent.messageTexts().size() == 5);
        List<WebElement> bubbles = agent.element().getShadowRoot().findElements(By.cssSelector("[data-testid='message-text']"));
        assertThat(bubbles).allSatisfy(bubble -> assertThat(bubble.getDomAttribute("dir")).isEqualTo("auto"));
        assertThat(bubbles).extracting(bubble -> bubble.getCssValue("direction")).containsExactly("ltr", "ltr", "ltr", "rtl", "rtl");
        assertThat(agent.byTestId("input").getDomAttribute("dir")).isEqualTo("auto");
    }

    @Test
    void countsCodePointsNearTheLimitAndBlocksSendingPastIt() {
        WebElement counter = customer.byTestId("counter");
        setInput(customer, "a".repeat(8999));
        assertThat(counter.isDisplayed()).isFalse();

        // 10,000 emoji are 20,000 UTF-16 units but 10,000 code points, as the server counts them: allowed.
        setInput(customer, "  " + "😀".repeat(10_000) + "\n");
        assertThat(counter.getText()).isEqualTo("10,000 / 10,000");
        assertThat(counter.getDomAttribute("class")).doesNotContain("over");
        assertThat(customer.byTestId("send-button").isEnabled()).isTrue();

        setInput(customer, "😀".repeat(10_001));
        assertThat(counter.getText()).isEqualTo("10,001 / 10,000 · 1 too many");
        assertThat(counter.getDomAttribute("class")).contains("over");
        assertThat(customer.byTestId("input").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(customer.byTestId("send-button").isEnabled()).isFalse();
        chromium.screenshot("ticket-chat-over-limit");
        long requestsBefore = (Long) driver.executeScript("return fakeServer.frames.length + fakeServer.requests.length");
        customer.type(Keys.ENTER);

        assertThat(customer.messageTexts()).hasSize(3);
        assertThat(customer.byTestId("error").isDisplayed()).isFalse();
        assertThat(driver.executeScript("return fakeServer.frames.length + fakeServer.requests.length")).isEqualTo(requestsBefore);

        setInput(customer, "😀".repeat(10_000));
        customer.byTestId("send-button").click();
        await().until(() -> agent.messageTexts().size() == 4);
        assertThat(counter.isDisplayed()).isFalse();
    }

    @Test
    void aMessageRefusedForItsContentOffersEditInsteadOfARetryThatCannotSucceed() {
        driver.executeScript("fakeServer.refuseText = (text) => text.includes('forbidden') ? 'message must not contain that word' : null");
        customer.send("a forbidden word");

        await().until(() -> "failed".equals(lastItem(customer).getDomAttribute("data-status")));
        assertThat(messageState(lastItem(customer))).isEqualTo("Not sent: message must not contain that word");
        assertThat(lastItem(customer).findElements(By.cssSelector("[data-testid='message-retry']"))).isEmpty();
        assertThat(customer.byTestId("retry").isDisplayed()).isFalse();

        lastItem(customer).findElement(By.cssSelector("[data-testid='message-edit']")).click();

        assertThat(customer.byTestId("input").getDomProperty("value")).isEqualTo("a forbidden word");
        assertThat(customer.messageTexts()).hasSize(3);
        setInput(customer, "a fine word");
        customer.type(Keys.ENTER);
        await().until(() -> agent.messageTexts().contains("a fine word"));
    }

    @Test
    void closeButtonAsksTheHostToClose() {
        agent.byTestId("close").click();

        assertThat(driver.executeScript("return chatEvents.filter(e => e.type === 'ticket-chat-close' && e.from === 'agent').length"))
                .isEqualTo(1L);
    }

    @Test
    void fitsPhoneAndDesktopWidths() throws Exception {
        customer.send("Thanks! It is out now. " + "A long line that has to wrap on a phone screen ".repeat(3));
        await().until(() -> agent.messageTexts().size() == 4);

        Path desktop = chromium.screenshot("ticket-chat-1280");

        chromium.viewport(375, 812);
        await().until(() -> rightEdge(customer.byTestId("send-button")) <= 375);
        assertThat(driver.executeScript("return document.documentElement.scrollWidth")).isEqualTo(375L);
        WebElement bubble = customer.messageItems().getLast().findElement(By.cssSelector("[data-testid='message-text']"));
        assertThat(rightEdge(bubble)).isLessThanOrEqualTo(375);
        Path phone = chromium.screenshot("ticket-chat-375");

        chromium.viewport(320, 640);
        await().until(() -> rightEdge(customer.byTestId("send-button")) <= 320);
        assertThat(driver.executeScript("return document.documentElement.scrollWidth")).isEqualTo(320L);
        assertThat(rightEdge(customer.byTestId("close"))).isLessThanOrEqualTo(320);
        chromium.screenshot("ticket-chat-320");

        assertThat(Files.size(desktop)).isPositive();
        assertThat(Files.size(phone)).isPositive();
    }

    /** Puts text into the composer as typing would (sendKeys of 10,000 characters would take minutes). */
    private void setInput(TicketChatView view, String text) {
        driver.executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))",
                view.byTestId("input"), text);
    }

    private TicketChatView openCookieModePage(String query) {
        driver.get(server.uri("/test/cookie-mode.html" + query).toString());
        await().until(() -> driver.executeScript("return window.ready === true"), Boolean.TRUE::equals);
        return new TicketChatView(driver, By.id("customer"));
    }

    private Object lastWsTicketHeader(String name) {
        return driver.executeScript("const r = fakeServer.requests.filter(r => r.path === '/api/chat/ws-ticket').at(-1);"
                + "return r ? (r.headers[arguments[0]] ?? null) : null", name);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> requests() {
        return (List<Map<String, Object>>) driver.executeScript("return fakeServer.requests");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> headers(Map<String, Object> request) {
        return (Map<String, Object>) request.get("headers");
    }

    private static int rightEdge(WebElement element) {
        return element.getRect().getX() + element.getRect().getWidth();
    }

    private static WebElement lastItemWithText(TicketChatView view, String text) {
        return view.messageItems().stream()
                .filter(item -> text.equals(item.findElement(By.cssSelector("[data-testid='message-text']")).getDomProperty("textContent")))
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    private WebElement lastItem(TicketChatView view) {
        return view.messageItems().getLast();
    }

    private static String messageState(WebElement item) {
        return item.findElement(By.cssSelector("[data-testid='message-state']")).getDomProperty("textContent");
    }

    private Object replyAddedEvents() {
        return driver.executeScript("return chatEvents.filter(e => e.type === 'ticket-chat-reply-added' && e.from === 'agent').length");
    }
}
