package io.ticketchat.bootstrap.smoke;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The smoke test's command line: {@code --url=BASE --token=TOKEN [--ticket-id=1] [--user-type=agent|customer]
 * [--timeout=10s]}. The user type is read from the token's {@code user_type} claim when not given.
 */
record SmokeOptions(URI baseUrl, String token, long ticketId, String userType, Duration timeout) {

    static final String USAGE = "usage: ChatSmokeTest --url=http://host:port --token=BEARER_TOKEN [--ticket-id=1]"
            + " [--user-type=agent|customer] [--timeout=10s]";

    static SmokeOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            int split = arg.indexOf('=');
            values.put(arg.substring(2, split), arg.substring(split + 1));
        }
        String url = required(values, "url");
        String token = required(values, "token");
        long ticketId = Long.parseLong(values.getOrDefault("ticket-id", "1"));
        String userType = values.getOrDefault("user-type", userTypeClaim(token));
        if (!userType.equals("agent") && !userType.equals("customer")) {
            throw new IllegalArgumentException("--user-type must be agent or customer");
        }
        Duration timeout = Duration.parse("PT" + values.getOrDefault("timeout", "10s").toUpperCase());
        return new SmokeOptions(URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url), token,
                ticketId, userType, timeout);
    }

    URI http(String path) {
        return URI.create(baseUrl + path);
    }

    URI socket(String query) {
        String scheme = baseUrl.getScheme().equals("https") ? "wss" : "ws";
        return URI.create(scheme + baseUrl.toString().substring(baseUrl.getScheme().length()) + "/ws/chat" + query);
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    /** The JWT's {@code user_type}, read without verifying: the server checks the token, this only picks the checks. */
    private static String userTypeClaim(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return "agent";
        }
        try {
            JsonNode claims = JsonMapper.shared().readTree(
                    new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return claims.path("user_type").asString("agent");
        } catch (RuntimeException notAJwt) {
            return "agent";
        }
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "SmokeOptions[url=" + baseUrl + ", ticketId=" + ticketId + ", userType=" + userType + "]";
    }
}
