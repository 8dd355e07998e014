package io.ticketchat.web.client;

import io.ticketchat.web.client.browser.HeadlessChromium;
import io.ticketchat.web.client.browser.RequiresChromium;
import io.ticketchat.web.client.browser.TicketChatView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code <ticket-chat>} without a token on a page of a real Spring Security host (form login, CSRF on, as
 * Spring Security defaults it or as {@code csrf.spa()} does): the session cookie authenticates, the CSRF
 * token rides along on every write, and refusals and an ended session are said as what they are.
 */
@RequiresChromium
class TicketChatSpringSecurityBrowserTest {

    private ConfigurableApplicationContext host;
    private HeadlessChromium chromium;

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (host != null) {
            host.close();
        }
    }

    @Test
    void chatsOverTheSessionWithTheCsrfTokenOfTheMetaTags() {
        TicketChatView chat = signInAndOpenTheTicket("session", "");

        chat.send("Hello from my session");

        await().until(() -> api().messageTexts().contains("Hello from my session"));
        await().until(() -> "sent".equals(chat.messageItems().getLast().getDomAttribute("data-status")));
        assertRequestsUsedTheSessionAndCsrf();
        // This host has no socket: the status says "Connected (limited)", and no error banner nags about it.
        assertThat(chat.statusText()).isEqualTo("Connected (limited)");
        assertThat(chat.byTestId("error").isDisplayed()).isFalse();
    }

    @Test
    void chatsOverTheSessionWithTheXsrfTokenCookieOfCsrfSpa() {
        TicketChatView chat = signInAndOpenTheTicket("spa", "?meta=none");

        chat.send("Hello with the cookie's token");

        await().until(() -> api().messageTexts().contains("Hello with the cookie's token"));
        assertRequestsUsedTheSessionAndCsrf();
    }

    @Test
    void aStaleCsrfTokenIsNamedAsTheRefusalItIs() {
        TicketChatView chat = signInAndOpenTheTicket("session", "?meta=stale", "failed");

        assertThat(chat.byTestId("error-text").getText())
                .startsWith("The server refused the request (CSRF token missing or invalid)");
        assertThat(chat.messageTexts()).containsExactly("Hello from the help desk");
    }

    @Test
    void anEndedSessionIsSaidAsSignedOut() {
        TicketChatView chat = signInAndOpenTheTicket("session", "");

        chromium.driver().manage().deleteCookieNamed("JSESSIONID"); // the session expired

        await().atMost(Duration.ofSeconds(10)).until(() -> "failed".equals(chat.connectionState()));
        assertThat(chat.statusText()).isEqualTo("Signed out");
        assertThat(chat.byTestId("error-text").getText())
                .isEqualTo("You’re signed out or your session has expired. Sign in again, then retry.");
    }

    /** Starts the host, signs in through its login form and opens the help desk page; waits for {@code state}. */
    private TicketChatView signInAndOpenTheTicket(String csrf, String query, String... state) {
        host = SpringTestHost.start("test.csrf=" + csrf);
        chromium = HeadlessChromium.start();
        ChromeDriver driver = chromium.driver();
        driver.get(SpringTestHost.uri(host, "/login").toString());
        driver.findElement(By.name("username")).sendKeys("jane");
        driver.findElement(By.name("password")).sendKeys("secret");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        await().until(() -> !driver.getCurrentUrl().contains("/login"));
        driver.get(SpringTestHost.uri(host, "/helpdesk/ticket" + query).toString());
        TicketChatView chat = new TicketChatView(driver, By.id("chat"));
        // No socket on this host: the component reads and writes over REST.
        String expected = state.length > 0 ? state[0] : "polling";
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> expected.equals(chat.connectionState()));
        assertThat(chat.messageTexts()).containsExactly("Hello from the help desk");
        return chat;
    }

    private void assertRequestsUsedTheSessionAndCsrf() {
        List<FakeChatApi.SeenRequest> requests = api().requests;
        assertThat(requests).extracting(FakeChatApi.SeenRequest::method).contains("GET", "POST");
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.principal()).as("caller of %s %s", request.method(), request.path()).isEqualTo("jane");
            assertThat(request.authorization()).isNull();
            assertThat(request.requestedWith()).isEqualTo("XMLHttpRequest");
            if (!request.method().equals("GET")) {
                assertThat(request.csrfHeader()).as("CSRF header on %s %s", request.method(), request.path()).isTrue();
            }
        });
    }

    private FakeChatApi api() {
        return host.getBean(FakeChatApi.class);
    }
}
