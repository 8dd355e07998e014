package io.ticketchat.bench;

import java.util.List;
import java.util.Locale;

/** Renders a run as the markdown that goes into BENCHMARKS.md. */
final class MarkdownReport {

    private static final String STEP_HEADER =
            "| offered msg/s | acked msg/s | deliveries | delivery p50 | p99 | p99.9 | max | ack p99 | server CPU/msg | DB CPU/msg | DB statements/msg | lost | errors |";
    private static final String STEP_ALIGN = "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|";

    private final BenchResults r;
    private final StringBuilder md = new StringBuilder();

    private MarkdownReport(BenchResults results) {
        this.r = results;
    }

    static String render(BenchResults results) {
        return new MarkdownReport(results).build();
    }

    /** The machine and the read latencies only, for {@code --only=reads}. */
    static String renderReads(BenchResults results) {
        MarkdownReport report = new MarkdownReport(results);
        report.machine();
        report.line("### Reads on the seeded database");
        report.line("");
        report.line("| Measure | Target | Ticket Chat | Baseline | Ratio | Met |");
        report.line("|---|---|---:|---:|---:|:-:|");
        report.reads();
        report.line("");
        report.line("Seeding %,d messages took %.1f s.", results.seededRows, results.seedSeconds);
        return report.md.toString();
    }

    private String build() {
        machine();
        summary();
        line("");
        ladder("Ticket Chat", r.chatLadder, r.chatLight);
        line("");
        ladder("Fan-out baseline (stores nothing)", r.fanoutLadder, r.fanoutLight);
        line("");
        line("### Idle sockets (server heap after a full GC, RSS)");
        line("");
        line("| sockets | heap used | RSS |");
        line("|---:|---:|---:|");
        r.memory.forEach(p -> line("| %,d | %.1f MiB | %.1f MiB |", p.sockets(), p.heapBytes() / 1048576.0, p.rssKib() / 1024.0));
        line("");
        line("Handshake + join rate during the ramp: %.0f sockets/s.", r.connectsPerSecond);
        return md.toString();
    }

    private void machine() {
        line("### Machine");
        line("");
        line("| | |");
        line("|---|---|");
        line("| CPUs (nproc) | %d |", r.machine.cpus());
        line("| CPU | %s |", r.machine.cpuModel());
        line("| Memory | %,d MiB |", r.machine.memoryMib());
        line("| JDK | %s |", r.machine.jdk());
        line("| Database | %s |", r.database);
        line("| Load average (1/5/15 min) at start / end | %s / %s |", r.machine.loadAverage(), r.loadAtEnd);
        line("| Mode | %s |", r.mode);
        line("");
    }

    private void summary() {
        double knee = rate(BenchResults.knee(r.chatLadder));
        double fanKnee = rate(BenchResults.knee(r.fanoutLadder));
        double ceiling = rate(BenchResults.ceiling(r.chatLadder));
        double fanCeiling = rate(BenchResults.ceiling(r.fanoutLadder));
        double raw = r.rawInserts.perSecond();
        line("### Summary");
        line("");
        line("| Measure | Target | Ticket Chat | Baseline | Ratio | Met |");
        line("|---|---|---:|---:|---:|:-:|");
        line("| Knee: persisted msg/s with delivery p99 ≤ 50 ms, none lost | ≥ 3,000 and ≥ 0.3 × raw inserts | %,.0f | raw JDBC inserts (%d threads): %,.0f/s | %.2f | %s |",
                knee, r.rawInserts.threads(), raw, ratio(knee, raw), met(knee >= 3000 && ratio(knee, raw) >= 0.3));
        line("| Knee against the transport ceiling | — | %,.0f | fan-out: %,.0f/s | %.2f | — |", knee, fanKnee, ratio(knee, fanKnee));
        line("| Throughput ceiling: msg/s kept up with (none lost, p50 ≤ 50 ms) | — | %,.0f | raw inserts %,.0f/s; fan-out %,.0f/s%s | %.2f; %.2f | — |",
                ceiling, raw, fanCeiling, fanCeiling == rate(r.fanoutLadder.getLast()) ? " (top of the ladder)" : "",
                ratio(ceiling, raw), ratio(ceiling, fanCeiling));
        line("| Raw insert + commit latency (a floor under any delivery) | — | | p50 %.2f / p99 %.2f ms | | — |",
                r.rawInserts.latency().p50Millis(), r.rawInserts.latency().p99Millis());
        line("| Delivery at %d msg/s, p50 | ≤ 2 ms | %.2f ms | fan-out %.2f ms | %.2f | %s |", BenchOptions.LIGHT_RATE,
                r.chatLight.delivery().p50Millis(), r.fanoutLight.delivery().p50Millis(),
                ratio(r.chatLight.delivery().p50Millis(), r.fanoutLight.delivery().p50Millis()), met(r.chatLight.delivery().p50Millis() <= 2));
        line("| Delivery at %d msg/s, p99 | ≤ 10 ms | %.2f ms | fan-out %.2f ms | %.2f | %s |", BenchOptions.LIGHT_RATE,
                r.chatLight.delivery().p99Millis(), r.fanoutLight.delivery().p99Millis(),
                ratio(r.chatLight.delivery().p99Millis(), r.fanoutLight.delivery().p99Millis()), met(r.chatLight.delivery().p99Millis() <= 10));
        line("| Heap per idle joined socket (%,d sockets) | ≤ 100 KB | %.1f KB (RSS %.1f KB) | | | %s |", r.memory.getLast().sockets(),
                r.heapPerSocketBytes() / 1000, r.rssPerSocketBytes() / 1000, met(r.heapPerSocketBytes() <= 100_000));
        reads();
        line("");
        line("Load: %d rooms of 2 to 5 participants (%d sockets). Seeding %,d messages took %.1f s.",
                r.loadRooms, r.loadSockets, r.seededRows, r.seedSeconds);
    }

    private void reads() {
        read("Latest 50 of a 10,000-message ticket", 5, r.history, r.historyCpu, r.rawReads.page());
        read("Unread count", 2, r.unread, r.unreadCpu, r.rawReads.unread());
    }

    /** One read's row: its latency and CPU, the same SQL over JDBC, and the p99 target. */
    private void read(String measure, double targetP99Millis, LatencyStats.Summary chat, double[] cpu, LatencyStats.Summary jdbc) {
        line("| %s, p99 (%,d rows) | ≤ %.0f ms | p50 %.2f / p99 %.2f ms (CPU: server %.0f µs, DB %.0f µs; %.1f statements) | its SQL over JDBC: p50 %.2f / p99 %.2f ms | %.2f | %s |",
                measure, r.seededRows, targetP99Millis, chat.p50Millis(), chat.p99Millis(), cpu[0], cpu[1], cpu[2],
                jdbc.p50Millis(), jdbc.p99Millis(), ratio(chat.p99Millis(), jdbc.p99Millis()),
                met(chat.p99Millis() <= targetP99Millis && r.seededRows >= 1_000_000));
    }

    private void ladder(String title, List<RateStep.Result> steps, RateStep.Result light) {
        line("### %s: rate ladder", title);
        line("");
        line(STEP_HEADER);
        line(STEP_ALIGN);
        steps.forEach(this::step);
        line("");
        line("Light load (%d msg/s):", BenchOptions.LIGHT_RATE);
        line("");
        line(STEP_HEADER);
        line(STEP_ALIGN);
        step(light);
    }

    private void step(RateStep.Result s) {
        line("| %,.0f | %,.0f | %,d | %.2f ms | %.2f ms | %.2f ms | %.1f ms | %.2f ms | %,.0f µs | %,.0f µs | %.1f | %,d | %s |", s.offeredRate(), s.ackedPerSecond(),
                s.delivered(), s.delivery().p50Millis(), s.delivery().p99Millis(), s.delivery().p999Millis(), s.delivery().maxMillis(),
                s.ack().p99Millis(), s.serverCpuMicrosPerMessage(), s.databaseCpuMicrosPerMessage(), s.statementsPerMessage(), s.lost(), s.errors() == 0 && s.closedSockets() == 0 ? "—"
                        : s.errorCodes() + (s.closedSockets() > 0 ? " closed " + s.closedSockets() : ""));
    }

    private static double rate(RateStep.Result step) {
        return step == null ? 0 : step.offeredRate();
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : a / b;
    }

    private static String met(boolean met) {
        return met ? "yes" : "**no**";
    }

    private void line(String format, Object... args) {
        md.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
