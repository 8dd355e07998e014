package io.ticketchat.web.client.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the system Chromium and its matching chromedriver live. Debian's {@code chromium} and
 * {@code chromium-driver} packages put them in /usr/bin; {@code CHROMIUM_BINARY} and
 * {@code CHROMEDRIVER_BINARY} point elsewhere. The system driver is used on purpose: it always matches
 * the installed browser, and nothing is downloaded at test time.
 */
public record ChromiumInstallation(Path browser, Path driver) {

    static final String HOW_TO_INSTALL = "Browser tests need Chromium and chromedriver: on Debian/Ubuntu run "
            + "'sudo apt-get install -y chromium chromium-driver', or set CHROMIUM_BINARY and CHROMEDRIVER_BINARY "
            + "to their paths. Without them these tests are skipped unless CI is set, where they fail.";

    public static Optional<ChromiumInstallation> find() {
        Path browser = Path.of(envOr("CHROMIUM_BINARY", "/usr/bin/chromium"));
        Path driver = Path.of(envOr("CHROMEDRIVER_BINARY", "/usr/bin/chromedriver"));
        if (Files.isExecutable(browser) && Files.isExecutable(driver)) {
            return Optional.of(new ChromiumInstallation(browser, driver));
        }
        return Optional.empty();
    }

    /** The installation, or a failure that says how to get one (used where skipping is not allowed). */
    public static ChromiumInstallation require() {
        return find().orElseThrow(() -> new IllegalStateException(HOW_TO_INSTALL));
    }

    static boolean runningOnCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
