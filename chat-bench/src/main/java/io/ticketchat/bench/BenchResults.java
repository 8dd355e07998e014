package io.ticketchat.bench;

import java.util.ArrayList;
import java.util.List;

/** Everything one run measured, filled in phase by phase. */
final class BenchResults {

    Machine machine;
    String loadAtEnd;
    String database;
    String mode;

    /** Phase 1: sockets held open and joined, heap after a full GC and RSS at each checkpoint. */
    final List<MemoryPoint> memory = new ArrayList<>();
    double connectsPerSecond;

    final List<RateStep.Result> chatLadder = new ArrayList<>();
    RateStep.Result chatLight;
    final List<RateStep.Result> fanoutLadder = new ArrayList<>();
    RateStep.Result fanoutLight;
    int loadSockets;
    int loadRooms;

    long seededRows;
    double seedSeconds;
    LatencyStats.Summary history;
    LatencyStats.Summary unread;
    /** Server JVM and embedded database CPU per request, in microseconds. */
    double[] historyCpu;
    double[] unreadCpu;
    /** The same two reads' statements over plain JDBC. */
    BenchDatabase.RawReads rawReads;

    BenchDatabase.RawInserts rawInserts;

    record MemoryPoint(int sockets, long heapBytes, long rssKib) {
    }

    /** The knee: the highest rate whose step met the target (delivery p99 within 50 ms, nothing lost), or null. */
    static RateStep.Result knee(List<RateStep.Result> ladder) {
        return highest(ladder, step -> step.withinTarget(BenchOptions.KNEE_P99_MILLIS));
    }

    /** The throughput ceiling: the highest rate the server kept up with (nothing lost, p50 within 50 ms), or null. */
    static RateStep.Result ceiling(List<RateStep.Result> ladder) {
        return highest(ladder, RateStep.Result::keptUp);
    }

    private static RateStep.Result highest(List<RateStep.Result> ladder, java.util.function.Predicate<RateStep.Result> passed) {
        return ladder.stream().filter(passed).max(java.util.Comparator.comparingDouble(RateStep.Result::offeredRate)).orElse(null);
    }

    double heapPerSocketBytes() {
        MemoryPoint first = memory.getFirst();
        MemoryPoint last = memory.getLast();
        return last.sockets() == first.sockets() ? 0 : (double) (last.heapBytes() - first.heapBytes()) / (last.sockets() - first.sockets());
    }

    double rssPerSocketBytes() {
        MemoryPoint first = memory.getFirst();
        MemoryPoint last = memory.getLast();
        return last.sockets() == first.sockets() ? 0 : (last.rssKib() - first.rssKib()) * 1024.0 / (last.sockets() - first.sockets());
    }
}
