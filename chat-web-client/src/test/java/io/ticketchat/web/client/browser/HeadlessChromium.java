package io.ticketchat.web.client.browser;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One headless Chromium driven through the system chromedriver, with a throw-away profile. Flags: new
 * headless mode; no sandbox because CI containers run as root; no GPU, /dev/shm, QUIC, first-run UI or
 * background traffic, so runs are quiet and repeatable.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HeadlessChromium.class);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    // Selenium warns on every start that it has no typed CDP bindings for this Chromium; the raw CDP
    // commands used here don't need them. Held in a field because java.util.logging keeps loggers weakly.
    private static final java.util.logging.Logger CDP_VERSION_WARNINGS = quiet("org.openqa.selenium");

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static HeadlessChromium start() {
        ChromiumInstallation installation = ChromiumInstallation.require();
        Path profile;
        try {
            profile = Files.createTempDirectory("ticket-chat-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(installation.browser().toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,800");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(installation.driver().toFile())
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        log.info("Starting headless {} with {}", installation.browser(), installation.driver());
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Emulates a viewport of this CSS size (a real phone-width layout, not a scaled-down desktop one). */
    public void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** Saves a PNG of the viewport as target/screenshots/{name}.png and returns its path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete the Chromium profile {}", profile, e);
        }
    }
}
