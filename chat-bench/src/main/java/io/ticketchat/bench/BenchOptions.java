package io.ticketchat.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a run does and how long it takes. {@code --short} (the default) fits in about two minutes;
 * {@code --full} is the run that goes into BENCHMARKS.md.
 */
record BenchOptions(boolean full, Path serverJar, Optional<String> jdbcUrl, String jdbcUser, String jdbcPassword,
                    Optional<Path> out, Optional<Path> jfr, String jfrSettings, Optional<Path> heapHistogram, String serverHeap,
                    int idleSockets, int loadRooms, List<Integer> ladder, Duration stepDuration, Duration drain,
                    Duration lightDuration, int seedRows, int probeWarmup, int probeCount, Duration rawInsertDuration,
                    int rawInsertThreads, boolean readsOnly) {

    static final double KNEE_P99_MILLIS = 50;
    static final int LIGHT_RATE = 200;
    static final int HOT_TICKET_MESSAGES = 10_000;

    static BenchOptions parse(String... args) {
        boolean full = false;
        Path jar = null;
        String jdbcUrl = null;
        String user = "root";
        String password = "";
        Path out = null;
        Path jfr = null;
        String jfrSettings = "default";
        Path histogram = null;
        String heap = "1g";
        Integer sockets = null;
        boolean readsOnly = false;
        for (String arg : args) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            switch (arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg) {
                case "--short" -> full = false;
                case "--full" -> full = true;
                case "--jar" -> jar = Path.of(value);
                case "--jdbc-url" -> jdbcUrl = value;
                case "--jdbc-user" -> user = value;
                case "--jdbc-password" -> password = value;
                case "--out" -> out = Path.of(value);
                case "--jfr" -> jfr = Path.of(value);
                case "--jfr-settings" -> jfrSettings = value;
                case "--heap-histogram" -> histogram = Path.of(value);
                case "--server-heap" -> heap = value;
                case "--sockets" -> sockets = Integer.parseInt(value);
                case "--only" -> readsOnly = onlyReads(value);
                default -> throw new IllegalArgumentException("unknown option " + arg
                        + " (use --short|--full, --jar=, --jdbc-url=, --jdbc-user=, --jdbc-password=, --out=, --jfr=, --jfr-settings=, --heap-histogram=, --server-heap=, --sockets=, --only=reads)");
            }
        }
        if (jar == null) {
            throw new IllegalArgumentException("--jar=<chat-bootstrap exec jar> is required");
        }
        if (full) {
            return new BenchOptions(true, jar, Optional.ofNullable(jdbcUrl), user, password, Optional.ofNullable(out),
                    Optional.ofNullable(jfr), jfrSettings, Optional.ofNullable(histogram), heap, sockets == null ? 10_000 : sockets, 200,
                    List.of(100, 200, 300, 500, 750, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 5000, 6000, 8000),
                    Duration.ofSeconds(8), Duration.ofSeconds(4), Duration.ofSeconds(30), 1_048_576, 10_000, 5000,
                    Duration.ofSeconds(15), 10, readsOnly);
        }
        return new BenchOptions(false, jar, Optional.ofNullable(jdbcUrl), user, password, Optional.ofNullable(out),
                Optional.ofNullable(jfr), jfrSettings, Optional.ofNullable(histogram), heap, sockets == null ? 1000 : sockets, 100,
                List.of(100, 250, 500, 1000, 2000), Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofSeconds(5), 131_072,
                1000, 500, Duration.ofSeconds(3), 10, readsOnly);
    }

    private static boolean onlyReads(String phase) {
        if (!phase.equals("reads")) {
            throw new IllegalArgumentException("--only takes one phase: reads (history and unread count on the seeded database)");
        }
        return true;
    }
}
