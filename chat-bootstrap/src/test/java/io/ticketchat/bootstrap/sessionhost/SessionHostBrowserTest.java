package io.ticketchat.bootstrap.sessionhost;

import io.ticketchat.persistence.jooq.testing.ChatTestDatabase;
import io.ticketchat.persistence.jooq.testing.ChatTestServer;
import io.ticketchat.web.client.browser.HeadlessChromium;
import io.ticketchat.web.client.browser.RequiresChromium;
import io.ticketchat.web.client.browser.TicketChatView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The help desk with Spring Security's form login and default CSRF protection, in real Chromium: an
 * agent and a customer sign in through the login form, open the same ticket's page, and the embedded
 * {@code <ticket-chat>} goes live over the socket in cookie mode (ws-ticket from the host's session).
 * The tests build on one conversation, hence the order.
 */
@RequiresChromium
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionHostBrowserTest {

    private static final long CAROLS_TICKET = 101;
    private static final long DANS_TICKET = 102;
    private static final Duration LIVE_DELIVERY = Duration.ofSeconds(2);

    private static ChatTestDatabase database;
    private static ConfigurableApplicationContext host;
    private static String base;
    private static HeadlessChromium agentBrowser;
    private static HeadlessChromium customerBrowser;
    private static TicketChatView agent;
    private static TicketChatView customer;

    @BeforeAll
    static void startTheHostAndSignIn() {
        database = ChatTestServer.shared().createEmptyDatabase();
        host = new SpringApplicationBuilder(SessionHostApplication.class)
                .properties("spring.datasource.url=" + database.url(),
                        "spring.datasource.username=" + env(ChatTestServer.USER_VARIABLE, "root"),
                        "spring.datasource.password=" + env(ChatTestServer.PASSWORD_VARIABLE, ""),
                        "server.port=0", "spring.main.banner-mode=off")
                .run();
        base = "http://localhost:" + host.getEnvironment().getRequiredProperty("local.server.port");
        agentBrowser = HeadlessChromium.start();
        customerBrowser = HeadlessChromium.start();
        agent = openTicketAfterSigningIn(agentBrowser.driver(), "alice", CAROLS_TICKET);
        customer = openTicketAfterSigningIn(customerBrowser.driver(), "carol", CAROLS_TICKET);
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (AutoCloseable resource : new AutoCloseable[] {customerBrowser, agentBrowser, host, database}) {
            if (resource != null) {
                resource.close();
            }
        }
    }

    @Test
    @Order(1)
    void bothChatsGoLiveOverTheSocketNotByPolling() {
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> "live".equals(agent.connectionState()) && "live".equals(customer.connectionState()));
        // The ticket block comes from the host's own directory: the customer's name lives in its users table.
        assertThat(agent.byTestId("subtitle").getDomProperty("textContent")).contains("#101", "Carol Customer");
    }

    @Test
    @Order(2)
    void theyExchangeMessagesBothWaysWithinTwoSeconds() {
        customer.send("Hello, my invoice has my old address");
        await().atMost(LIVE_DELIVERY).until(() -> agent.messageTexts().contains("Hello, my invoice has my old address"));

        agent.send("I'll fix that for you right away");
        await().atMost(LIVE_DELIVERY).until(() -> customer.messageTexts().contains("I'll fix that for you right away"));

        assertThat(database.dsl().fetch("SELECT sender_id, sender_type FROM chat_messages ORDER BY id")
                .map(row -> row.get(1) + ":" + row.get(0))).containsExactly("customer:2", "agent:1");
    }

    @Test
    @Order(3)
    void eachSeesTheOtherTyping() {
        customer.type("Thank");
        await().atMost(LIVE_DELIVERY).until(agent::typingIndicatorShown);
        assertThat(agent.typingIndicatorText()).contains("Carol Customer");
        customer.byTestId("input").clear();

        agent.type("One more");
        await().atMost(LIVE_DELIVERY).until(customer::typingIndicatorShown);
        assertThat(customer.typingIndicatorText()).contains("Alice Agent");
        agent.byTestId("input").clear();
    }

    @Test
    @Order(4)
    void readReceiptsReachTheSender() {
        await().atMost(Duration.ofSeconds(5)).until(() -> "Seen".equals(lastOwnState(agent)) && "Seen".equals(lastOwnState(customer)));
    }

    @Test
    @Order(5)
    void csrfProtectionStaysOnForTheTicketRequest() {
        Object status = customerBrowser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/chat/ws-ticket', {method: 'POST', headers: {'X-Requested-With': 'XMLHttpRequest'}})
                    .then(r => done(r.status), e => done(String(e)));""");
        assertThat(status).isEqualTo(403L);
    }

    @Test
    @Order(6)
    void aCustomerIsRefusedAnotherCustomersTicket() {
        WebDriver carol = customerBrowser.driver();
        carol.get(base + "/tickets/" + DANS_TICKET);
        TicketChatView dansChat = new TicketChatView(carol, By.id("chat"));

        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> "failed".equals(dansChat.connectionState()));
        assertThat(dansChat.byTestId("error-text").getDomProperty("textContent")).containsIgnoringCase("access");
        assertThat(dansChat.messageTexts()).isEmpty();

        carol.get(base + "/tickets/" + CAROLS_TICKET);
        customer = new TicketChatView(carol, By.id("chat"));
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> "live".equals(customer.connectionState()));
    }

    @Test
    @Order(7)
    void signingOutInAnotherTabClosesTheChatSocket() {
        WebDriver alice = agentBrowser.driver();
        String chatTab = alice.getWindowHandle();
        int before = openSockets();
        alice.switchTo().newWindow(WindowType.TAB);
        alice.get(base + "/tickets/" + DANS_TICKET);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> "live".equals(new TicketChatView(alice, By.id("chat")).connectionState()));

        alice.findElement(By.cssSelector("#logout button")).click();
        await().atMost(Duration.ofSeconds(5)).until(() -> alice.getCurrentUrl().contains("/login"));
        alice.switchTo().window(chatTab);

        await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> !"live".equals(agent.connectionState()));
        await().atMost(Duration.ofSeconds(5)).until(() -> openSockets() == before - 1);
        assertThat(agent.connectionState()).isNotIn("live", "polling");
        // The element asked for a new ticket with the ended session and says what happened.
        await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> agent.statusText().contains("Signed out"));
        // The customer's chat is not the agent's session: it stays live.
        assertThat(customer.connectionState()).isEqualTo("live");
    }

    private static TicketChatView openTicketAfterSigningIn(WebDriver driver, String username, long ticket) {
        driver.get(base + "/tickets/" + ticket);
        await().atMost(Duration.ofSeconds(10)).until(() -> driver.getCurrentUrl().contains("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("correct-horse");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> driver.getCurrentUrl().contains("/tickets/" + ticket));
        return new TicketChatView(driver, By.id("chat"));
    }

    /** The state line (Sent, Seen) under the viewer's own last message. */
    @SuppressWarnings("unchecked")
    private static String lastOwnState(TicketChatView view) {
        List<String> states = (List<String>) ((org.openqa.selenium.JavascriptExecutor) (view == agent ? agentBrowser.driver() : customerBrowser.driver()))
                .executeScript("return [...arguments[0].shadowRoot.querySelectorAll(\"li.own [data-testid='message-state']\")]"
                        + ".map(e => e.textContent)", view.element());
        return states.isEmpty() ? null : states.getLast();
    }

    private static int openSockets() {
        return host.getBean(io.ticketchat.web.socket.ChatConnections.class).openConnections();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
