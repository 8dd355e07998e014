package io.ticketchat.reliability;

import io.ticketchat.persistence.jooq.testing.ChatTestDatabase;
import io.ticketchat.persistence.jooq.testing.ChatTestServer;
import io.ticketchat.security.jwt.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * A bounded soak, outside the default test run: hundreds of WebSocket clients across tickets send for a
 * few minutes while connections churn (dropped without a close, then resumed with lastMessageId and
 * unacknowledged sends resent). Afterwards every client must hold exactly the stored messages of its
 * ticket, in order, and every send must be stored once. Heap use is logged.
 *
 * <pre>./mvnw -B verify -pl chat-reliability-tests -am -Psoak</pre>
 * Tunable with -Dsoak.clients (200), -Dsoak.tickets (20), -Dsoak.duration (PT3M),
 * -Dsoak.sendInterval (PT2S per client), -Dsoak.churnPercent (3 per tick).
 */
class ChurnSoakTest {

    private static final Logger log = LoggerFactory.getLogger(ChurnSoakTest.class);

    @Test
    void hundredsOfChurningClientsEndWithEveryMessageOnceAndInOrder() throws Exception {
        int clients = Integer.getInteger("soak.clients", 200);
        int tickets = Integer.getInteger("soak.tickets", 20);
        Duration duration = Duration.parse(System.getProperty("soak.duration", "PT3M"));
        Duration interval = Duration.parse(System.getProperty("soak.sendInterval", "PT2S"));
        int churnPercent = Integer.getInteger("soak.churnPercent", 3);
        TestTokens tokens = TestTokens.withDefaultSecret(Clock.systemUTC());
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        try (ChatTestDatabase database = ChatTestServer.shared().createDatabase();
             InProcessService service = InProcessService.start(database.url());
             ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);
             ExecutorService work = Executors.newVirtualThreadPerTaskExecutor()) {
            int port = service.port();
            List<SimulatedUser> users = new ArrayList<>();
            List<Long> ticketIds = new ArrayList<>();
            for (int t = 0; t < tickets; t++) {
                ticketIds.add(database.newTicket().value());
            }
            for (int c = 0; c < clients; c++) {
                long userId = 5000 + c;
                users.add(new SimulatedUser("s" + userId, ticketIds.get(c % tickets), tokens.agent(userId, "Agent " + userId), 2));
            }
            users.forEach(user -> work.submit(() -> user.connect(port)));
            await().atMost(Duration.ofMinutes(2)).until(() -> users.stream().allMatch(user -> user.client() != null && user.client().isOpen()));

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger reconnects = new AtomicInteger();
            AtomicLong peakHeap = new AtomicLong();
            ticks.scheduleAtFixedRate(() -> peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max), 0, 1, TimeUnit.SECONDS);
            List<AtomicBoolean> busyFlags = new ArrayList<>();
            for (SimulatedUser user : users) {
                AtomicBoolean busy = new AtomicBoolean();
                busyFlags.add(busy);
                long offset = ThreadLocalRandom.current().nextLong(interval.toMillis());
                ticks.scheduleAtFixedRate(() -> work.submit(() -> {
                    if (!running.get() || !busy.compareAndSet(false, true)) {
                        return;
                    }
                    try {
                        boolean churn = ThreadLocalRandom.current().nextInt(100) < churnPercent;
                        if (churn || !user.client().isOpen()) {
                            user.connect(port);
                            user.resendPending();
                            reconnects.incrementAndGet();
                        } else {
                            user.sendNext(Duration.ZERO);
                        }
                    } catch (RuntimeException failed) {
                        log.debug("A soak client's tick failed: {}", failed.toString());
                    } finally {
                        busy.set(false);
                    }
                }), offset, interval.toMillis(), TimeUnit.MILLISECONDS);
            }
            ticks.schedule(() -> running.set(false), duration.toMillis(), TimeUnit.MILLISECONDS);
            await().atMost(duration.plusSeconds(10)).until(() -> !running.get());
            await().atMost(Duration.ofMinutes(1)).until(() -> busyFlags.stream().noneMatch(AtomicBoolean::get));

            // Every client resumes once more and resends what is still unacknowledged.
            List<Future<?>> resumed = users.stream().<Future<?>>map(user -> work.submit(() -> {
                user.connect(port);
                user.resendPending();
            })).toList();
            for (Future<?> resume : resumed) {
                resume.get(2, TimeUnit.MINUTES);
            }
            StoredMessages stored = new StoredMessages(database);
            TrafficCheck check = new TrafficCheck(stored);
            check.resumedUsersEndWithoutGapsOrDuplicates(users, Duration.ofMinutes(3));
            check.everyAckIsStoredOnce(users);

            long sent = users.stream().mapToLong(user -> user.sent().size()).sum();
            long delivered = users.stream().mapToLong(user -> user.delivered().size()).sum();
            memory.gc();
            log.info("Soak: {} clients on {} tickets for {}: {} messages stored once each, {} deliveries in order without gaps, "
                            + "{} reconnects; heap peak {} MiB, after GC {} MiB (test JVM, service included)",
                    clients, tickets, duration, sent, delivered, reconnects.get(),
                    peakHeap.get() >> 20, memory.getHeapMemoryUsage().getUsed() >> 20);
            users.forEach(SimulatedUser::close);
        }
    }
}
