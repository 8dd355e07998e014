package io.ticketchat.reliability;

import io.ticketchat.persistence.jooq.testing.ChatTestDatabase;
import io.ticketchat.persistence.jooq.testing.ChatTestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** SIGTERM while clients send: sends in flight complete, every socket hears 1001, the process exits. */
@Tag("process")
class GracefulShutdownTest {

    private static final Logger log = LoggerFactory.getLogger(GracefulShutdownTest.class);

    @RegisterExtension
    final OpenedResources resources = new OpenedResources();

    @Test
    void sigtermFinishesInFlightSendsAndClosesEverySocketWith1001() {
        ChatTestDatabase database = resources.add(ChatTestServer.shared().createDatabase());
        StoredMessages stored = new StoredMessages(database);
        int port = ServiceProcess.freePort();
        ServiceProcess service = resources.add(ServiceProcess.start("graceful", database.url(), port));

        List<SimulatedUser> users = CrashRecoveryTest.users(database, 3, 2);
        users.forEach(user -> user.connect(port));
        AtomicBoolean sending = new AtomicBoolean(true);
        List<Thread> senders = users.stream()
                .map(user -> Thread.ofVirtual().start(() -> {
                    while (sending.get()) {
                        user.sendNext(Duration.ofMillis(200));
                    }
                }))
                .toList();
        await().atMost(Duration.ofSeconds(60)).until(() -> users.stream().mapToInt(user -> user.acked().size()).sum() >= 60);

        service.terminate(Duration.ofSeconds(40));
        sending.set(false);
        senders.forEach(CrashRecoveryTest::join);

        for (SimulatedUser user : users) {
            assertThat(user.client().closeCode()).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(1001);
        }
        new TrafficCheck(stored).everyAckIsStoredOnce(users);
        int storedWithoutAck = 0;
        for (SimulatedUser user : users) {
            for (String key : user.pending()) {
                storedWithoutAck += stored.countOf(user.ticket(), key);
            }
        }
        log.info("Shut down with {} sends acknowledged; {} stored but not acknowledged",
                users.stream().mapToInt(user -> user.acked().size()).sum(), storedWithoutAck);
        assertThat(storedWithoutAck).as("sends committed whose ack never left").isZero();
    }
}
