package io.ticketchat.web.client.browser;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Runs axe-core (npm's axe-core, copied to ticket-chat-react/axe.min.js by the build) over the current page,
 * open shadow roots included, and returns its violations as "rule-id: help (target, ...)" lines.
 */
public final class Axe {

    private static final String SOURCE = read("ticket-chat-react/axe.min.js");

    private Axe() {
    }

    @SuppressWarnings("unchecked")
    public static List<String> violations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(SOURCE);
        }
        List<Map<String, Object>> found = (List<Map<String, Object>>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then((r) => done(r.violations.map((v) => ({ id: v.id, help: v.help,
                    targets: v.nodes.map((n) => JSON.stringify(n.target) + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ')) }))))
                  .catch((e) => done([{ id: 'axe-error', help: String(e), targets: [] }]));
                """);
        return found.stream().map(v -> v.get("id") + ": " + v.get("help") + " " + v.get("targets")).toList();
    }

    private static String read(String resource) {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing: the build's npm step (exec-maven-plugin, chat-web-client/react) copies it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
