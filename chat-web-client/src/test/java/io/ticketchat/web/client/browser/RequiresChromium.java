package io.ticketchat.web.client.browser;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a browser test (tag {@code browser}, which the {@code quick} profile leaves out). Without a local Chromium it is skipped with instructions on a developer machine,
 * and fails on CI (env {@code CI} set) so a broken CI image can't pass silently.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ChromiumCondition.class)
@Tag("browser")
public @interface RequiresChromium {
}
