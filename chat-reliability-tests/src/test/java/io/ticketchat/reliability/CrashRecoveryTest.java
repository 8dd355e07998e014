package io.ticketchat.reliability;

import io.ticketchat.persistence.jooq.testing.ChatTestDatabase;
import io.ticketchat.persistence.jooq.testing.ChatTestServer;
import io.ticketchat.security.jwt.testing.TestTokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.awaitility.Awaitility.await;

/**
 * The standalone service runs as a real process and is killed with SIGKILL while clients send. After a
 * restart, nothing acknowledged is lost or doubled, and clients that resume and resend end up with
 * every message exactly once, in order.
 */
@Tag("process")
class CrashRecoveryTest {

    private static final Logger log = LoggerFactory.getLogger(CrashRecoveryTest.class);
    private static final TestTokens TOKENS = TestTokens.withDefaultSecret(Clock.systemUTC());

    @RegisterExtension
    final OpenedResources resources = new OpenedResources();

    @Test
    void afterSigkillAndRestartAckedMessagesAreStoredOnceAndResumedClientsMissNothing() {
        ChatTestDatabase database = resources.add(ChatTestServer.shared().createDatabase());
        StoredMessages stored = new StoredMessages(database);
        int port = ServiceProcess.freePort();
        ServiceProcess first = resources.add(ServiceProcess.start("crash-before", database.url(), port));

        List<SimulatedUser> users = users(database, 3, 2);
        users.forEach(user -> user.connect(port));
        AtomicBoolean sending = new AtomicBoolean(true);
        List<Thread> senders = users.stream()
                .map(user -> Thread.ofVirtual().start(() -> {
                    while (sending.get()) {
                        user.sendNext(Duration.ofMillis(200));
                    }
                }))
                .toList();
        await().atMost(Duration.ofSeconds(60)).until(() -> users.stream().mapToInt(user -> user.acked().size()).sum() >= 90);

        first.kill();
        sending.set(false);
        senders.forEach(CrashRecoveryTest::join);
        log.info("Killed the service with {} sends acknowledged and {} not",
                users.stream().mapToInt(user -> user.acked().size()).sum(),
                users.stream().mapToInt(user -> user.pending().size()).sum());

        TrafficCheck check = new TrafficCheck(stored);
        check.everyAckIsStoredOnce(users);

        ServiceProcess second = resources.add(ServiceProcess.start("crash-after", database.url(), port));
        users.forEach(user -> user.connect(port));
        users.forEach(SimulatedUser::resendPending);
        check.resumedUsersEndWithoutGapsOrDuplicates(users, Duration.ofSeconds(30));
        users.forEach(SimulatedUser::close);
    }

    /** Two users per ticket, so each one also receives the other's messages. */
    static List<SimulatedUser> users(ChatTestDatabase database, int tickets, int perTicket) {
        List<SimulatedUser> users = new ArrayList<>();
        for (int t = 0; t < tickets; t++) {
            long ticket = database.newTicket().value();
            for (int u = 0; u < perTicket; u++) {
                long userId = 1000 + users.size();
                users.add(new SimulatedUser("u" + userId, ticket, TOKENS.agent(userId, "Agent " + userId), 4));
            }
        }
        return users;
    }

    static void join(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
