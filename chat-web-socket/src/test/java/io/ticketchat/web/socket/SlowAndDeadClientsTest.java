package io.ticketchat.web.socket;

import io.ticketchat.web.socket.testing.ChatSocket;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One client's trouble stays that client's trouble. */
class SlowAndDeadClientsTest extends SocketTestSupport {

    @Test
    void aClientThatNeverReadsDoesNotDelayTheRoomAndIsCutOff() {
        long ticket = newTicket();
        String agent = agent("Agent Smith");
        String stuck = customer("Never Reads", ticket);
        ChatSocket reader = joined(agent("Agent Reader"), ticket);
        ChatSocket nonReader = connectWithoutReading(stuck);
        nonReader.send("{\"type\":\"JOIN_TICKET\",\"ticketId\":" + ticket + "}");
        await().until(() -> connections.socketsOf(caller(stuck)) == 1);

        // 6 MB in all, far more than the socket buffers and the outbox limit hold for the non-reader. Each batch must
        // reach the reader well within the 5 s send time limit: a room that waited on the non-reader's full socket
        // would stall here until that limit cut the non-reader off.
        String big = "x".repeat(4 * 1024);
        List<Long> posted = new ArrayList<>();
        for (int batch = 0; batch < 150; batch++) {
            for (int i = 0; i < 10; i++) {
                posted.add(post(agent, ticket, big + batch + "/" + i).id().value());
            }
            int expected = posted.size();
            await().atMost(Duration.ofMillis(2500)).until(() -> reader.messageIds(ticket).size() == expected);
        }

        assertThat(reader.messageIds(ticket)).containsExactlyElementsOf(posted);
        await().atMost(Duration.ofSeconds(10)).until(() -> connections.socketsOf(caller(stuck)) == 0);
    }

    @Test
    void aSocketThatStopsAnsweringPingsIsClosed() {
        String silent = agent("Silent Bob");
        connectWithoutReading(silent);
        await().until(() -> connections.socketsOf(caller(silent)) == 1);

        await().atMost(Duration.ofSeconds(10)).until(() -> connections.socketsOf(caller(silent)) == 0);
    }

    @Test
    void aSocketThatAnswersPingsStaysOpenPastTheIdleTimeout() {
        String agent = agent("Agent Smith");
        ChatSocket socket = connect(agent);

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(socket::isOpen);
        assertThat(connections.socketsOf(caller(agent))).isEqualTo(1);
    }

    @Test
    void aSocketWhoseCredentialExpiresIsClosedWithPolicyViolation() throws Exception {
        long ticket = newTicket();
        String customer = customer("John Doe", ticket);
        SocketTestApplication.EXPIRIES.put(customer, core.clock.instant().plus(Duration.ofMinutes(5)));
        ChatSocket socket = joined(customer, ticket);

        core.clock.advance(Duration.ofMinutes(6));

        assertThat(socket.closeCode().get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(connections.socketsOf(caller(customer))).isZero();
    }
}
