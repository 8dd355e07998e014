package io.ticketchat.reliability;

import io.ticketchat.security.jwt.testing.TestTokens;

import java.util.ArrayList;
import java.util.List;

/** The settings every service under test gets, as command-line arguments, whether in-process or a real process. */
final class ServiceOptions {

    private ServiceOptions() {
    }

    static List<String> arguments(String jdbcUrl, int port, String... extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + env("CHAT_TEST_JDBC_USER", "root"),
                "--spring.datasource.password=" + env("CHAT_TEST_JDBC_PASSWORD", ""),
                "--chat.security.jwt.secret=" + TestTokens.SECRET,
                // The tests send far faster than a person; the limiter is not what they are about.
                "--chat.rate-limit.messages=1000000",
                "--management.endpoint.health.show-components=always"));
        arguments.addAll(List.of(extra));
        return arguments;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
