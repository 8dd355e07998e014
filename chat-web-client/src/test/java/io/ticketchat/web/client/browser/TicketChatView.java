package io.ticketchat.web.client.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.util.List;

/** One {@code <ticket-chat>} on a page, read and driven through its shadow root's data-testid hooks. */
public final class TicketChatView {

    private final WebDriver driver;
    private final By host;

    public TicketChatView(WebDriver driver, By host) {
        this.driver = driver;
        this.host = host;
    }

    public WebElement element() {
        return driver.findElement(host);
    }

    public WebElement byTestId(String testId) {
        return shadow().findElement(By.cssSelector("[data-testid='" + testId + "']"));
    }

    public List<WebElement> messageItems() {
        return shadow().findElements(By.cssSelector("[data-testid='message-item']"));
    }

    /**
     * Message texts exactly as stored in the DOM (textContent, so markup would show up as elements, not here),
     * read in one script so that a list re-rendered meanwhile can't leave a stale element behind.
     */
    @SuppressWarnings("unchecked")
    public List<String> messageTexts() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return [...arguments[0].shadowRoot.querySelectorAll(\"[data-testid='message-text']\")].map(e => e.textContent)",
                element());
    }

    /** The connection state shown by the status indicator: live, reconnecting, polling, offline, ... */
    public String connectionState() {
        return byTestId("status").getDomAttribute("data-state");
    }

    public String statusText() {
        return byTestId("status").getDomProperty("textContent");
    }

    public boolean typingIndicatorShown() {
        return byTestId("typing-indicator").isDisplayed();
    }

    public String typingIndicatorText() {
        return byTestId("typing-indicator").getDomProperty("textContent");
    }

    public void type(CharSequence... keys) {
        byTestId("input").sendKeys(keys);
    }

    /** Types the text and presses Enter, as a user sends. */
    public void send(String text) {
        type(text, Keys.ENTER);
    }

    private SearchContext shadow() {
        return element().getShadowRoot();
    }
}
