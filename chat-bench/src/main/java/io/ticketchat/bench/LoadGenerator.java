package io.ticketchat.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Open-loop load over a set of ticket rooms. A pacing thread walks the {@link OpenLoopSchedule} and hands
 * each due send to a socket of the next room (rooms in turn, participants in turn), never waiting for an
 * answer; the JDK client's I/O and every listener run on virtual threads.
 */
final class LoadGenerator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LoadGenerator.class);
    private static final int CONNECTS_IN_FLIGHT = 64;

    private final HttpClient client = HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(30))
            .build();
    private final List<List<ChatSocket>> rooms = new ArrayList<>();
    private final List<ChatSocket> sockets = new ArrayList<>();
    private volatile FrameSink sink = FrameSink.IGNORE;
    private int runs;

    /** Opens and joins one socket per participant, a bounded number of handshakes at a time. */
    void connect(Function<Participant, URI> endpoint, List<List<Participant>> roomParticipants) {
        Semaphore permits = new Semaphore(CONNECTS_IN_FLIGHT);
        List<List<CompletableFuture<ChatSocket>>> pending = new ArrayList<>();
        for (List<Participant> room : roomParticipants) {
            List<CompletableFuture<ChatSocket>> members = new ArrayList<>();
            for (Participant p : room) {
                permits.acquireUninterruptibly();
                members.add(ChatSocket.open(client, endpoint.apply(p), p, () -> sink).whenComplete((s, e) -> permits.release()));
            }
            pending.add(members);
        }
        for (List<CompletableFuture<ChatSocket>> members : pending) {
            List<ChatSocket> room = members.stream().map(CompletableFuture::join).toList();
            rooms.add(room);
            sockets.addAll(room);
        }
        log.info("{} sockets joined; joins retried after UNAVAILABLE so far: {}", sockets.size(), ChatSocket.JOIN_RETRIES.sum());
    }

    int socketCount() {
        return sockets.size();
    }

    /** Sends at {@code rate} messages/s for {@code duration}, then waits up to {@code drain} for the last answers. */
    RateStep.Result run(double rate, Duration duration, Duration drain, ServerProcess server) {
        ServerProcess.CpuTime cpuBefore = server.cpuTime();
        String runId = "r" + (++runs) + Long.toString(System.nanoTime() % 100_000, 36);
        RateStep step = new RateStep(runId);
        sink = step;
        OpenLoopSchedule schedule = new OpenLoopSchedule(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20), rate, duration);
        long sends = schedule.sends();
        for (long i = 0; i < sends; i++) {
            long due = schedule.dueAt(i);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            List<ChatSocket> room = rooms.get((int) (i % rooms.size()));
            ChatSocket sender = room.get((int) ((i / rooms.size()) % room.size()));
            sender.send(RateStep.sendFrame(sender.participant().ticketId(), runId, i, due));
            step.sent(room.size() - 1);
        }
        long drainUntil = System.nanoTime() + drain.toNanos();
        while (!step.complete() && System.nanoTime() < drainUntil) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        sink = FrameSink.IGNORE;
        RateStep.Result result = step.result(rate, duration.toNanos() / 1e9).withServerCpu(server.cpuTime().since(cpuBefore));
        log.info("{} msg/s: sent {}, acked {}, delivered {}/{}, errors {}, delivery p50 {} ms p99 {} ms, server CPU {} µs/msg, {} statements/msg",
                rate, result.sent(), result.acked(), result.delivered(), result.expectedDeliveries(), result.errorCodes(),
                result.delivery().p50Millis(), result.delivery().p99Millis(), Math.round(result.serverCpuMicrosPerMessage()),
                String.format(java.util.Locale.ROOT, "%.1f", result.statementsPerMessage()));
        return result;
    }

    @Override
    public void close() {
        sockets.forEach(ChatSocket::close);
        sockets.clear();
        rooms.clear();
        // close() would wait for every socket's exchange to end; the server is told by the aborts above.
        client.shutdownNow();
    }
}
