package io.ticketchat.web.socket;

import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The close codes and limits that docs/websocket-protocol.md states are the ones the adapter uses. */
class DocumentedProtocolNumbersTest {

    private static final Path PROTOCOL = Path.of("..", "docs", "websocket-protocol.md");

    /** Every close the adapter itself sends, by why. 1000 is the client's own, 1007 the container's. */
    private static final Map<String, CloseStatus> SENT_BY_THE_SERVER = Map.of(
            "shutdown", CloseStatus.GOING_AWAY,
            "not authenticated", ChatSocketHandler.UNAUTHENTICATED,
            "too many sockets", ChatSocketHandler.TOO_MANY_SOCKETS,
            "credential expired", ChatConnections.EXPIRED,
            "frame too big", CloseStatus.TOO_BIG_TO_PROCESS,
            "client too slow", SocketOutbox.TOO_SLOW,
            "no heartbeat", ChatConnections.SILENT);

    @Test
    void theCloseCodeTableListsExactlyTheCodesTheServerSends() throws IOException {
        String table = section(Files.readString(PROTOCOL), "## Close codes");
        Set<Integer> documented = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| (\\d{4}) \\|").matcher(table);
        while (row.find()) {
            documented.add(Integer.parseInt(row.group(1)));
        }
        Set<Integer> sent = new TreeSet<>();
        SENT_BY_THE_SERVER.values().forEach(status -> sent.add(status.getCode()));

        assertThat(documented).containsAll(sent);
        documented.removeAll(sent);
        assertThat(documented).as("documented codes the server never sends").containsExactlyInAnyOrder(1000, 1007);
        assertThat(table).contains("| " + SocketOutbox.TOO_SLOW.getCode() + " | The client was too slow to receive");
    }

    /** A close code named anywhere in the README or docs/ (1011 was, for years) is one the server sends. */
    @Test
    void everyCloseCodeTheDocumentationNamesIsOneTheServerSends() throws IOException {
        Set<Integer> known = new TreeSet<>(Set.of(1000, 1007));
        SENT_BY_THE_SERVER.values().forEach(status -> known.add(status.getCode()));
        Pattern code = Pattern.compile("(?<![\\d.,x])(1\\d{3}|4\\d{3})(?![\\d.,x]| ?px| ?ms)");
        try (var pages = Files.list(Path.of("..", "docs"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).toList()) {
                assertCloseCodesKnown(page, code, known);
            }
        }
        assertCloseCodesKnown(Path.of("..", "README.md"), code, known);
    }

    private static void assertCloseCodesKnown(Path page, Pattern code, Set<Integer> known) throws IOException {
        for (String line : Files.readAllLines(page)) {
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            if (!lower.contains("close") && !lower.contains("closing") && !lower.contains("cut off")) {
                continue;
            }
            Matcher found = code.matcher(line.replaceAll("\\d+ ?x ?\\d+", ""));
            while (found.find()) {
                assertThat(known).as(page + ": " + line).contains(Integer.parseInt(found.group(1)));
            }
        }
    }

    @Test
    void theLimitsTableStatesTheDefaults() throws IOException {
        ChatWebSocketSettings defaults = ChatWebSocketSettings.defaults();
        String table = section(Files.readString(PROTOCOL), "## Limits (defaults)");
        Map<String, String> expected = new LinkedHashMap<>();
        // The row also states what a binary frame gets; the text limit and the close code are what the settings say.
        assertThat(table).containsPattern("\\| Largest frame \\| " + defaults.maxTextMessageSize() / 1024
                + " K characters[^|]*\\(larger: close " + CloseStatus.TOO_BIG_TO_PROCESS.getCode() + "[;)]");
        expected.put("Sockets per person", String.valueOf(defaults.maxSocketsPerPrincipal()));
        expected.put("Rooms per socket", String.valueOf(defaults.maxRoomsPerSocket()));
        expected.put("`TYPING` accepted per socket and ticket", defaults.typingMinInterval().toSeconds() == 1
                ? "one per second" : defaults.typingMinInterval().toString());
        expected.put("Send buffer per socket", defaults.sendBufferLimitBytes() / 1024 + " KiB (beyond: close "
                + SocketOutbox.TOO_SLOW.getCode() + ")");
        expected.put("Longest single write", defaults.sendTimeLimit().toSeconds() + " s (beyond: close "
                + SocketOutbox.TOO_SLOW.getCode() + ")");
        expected.put("Ping interval / idle timeout", defaults.pingInterval().toSeconds() + " s / "
                + defaults.idleTimeout().toSeconds() + " s");
        expected.forEach((setting, value) -> assertThat(table).as(setting).contains("| " + setting + " | " + value + " |"));
    }

    private static String section(String document, String heading) {
        int start = document.indexOf(heading);
        assertThat(start).as(heading).isNotNegative();
        int end = document.indexOf("\n## ", start + heading.length());
        return end < 0 ? document.substring(start) : document.substring(start, end);
    }
}
