package io.ticketchat.web.socket;

import io.ticketchat.web.socket.testing.ChatSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The adapter reports refused frames and message hand-offs to the host's {@link ChatSocketObserver}. */
@Import(SocketObserverTest.Recording.class)
class SocketObserverTest extends SocketTestSupport {

    @TestConfiguration(proxyBeanMethods = false)
    static class Recording {

        @Bean
        RecordingObserver recordingObserver() {
            return new RecordingObserver();
        }
    }

    static final class RecordingObserver implements ChatSocketObserver {

        final List<ErrorCode> refused = new CopyOnWriteArrayList<>();
        final List<Duration> handOffs = new CopyOnWriteArrayList<>();

        @Override
        public void frameRefused(ErrorCode code) {
            refused.add(code);
        }

        @Override
        public void messageHandedOff(Duration sinceCommit) {
            handOffs.add(sinceCommit);
        }
    }

    @Autowired
    RecordingObserver observer;

    @Test
    void everyErrorAnsweringAFrameIsReportedWithItsCode() {
        long ticket = newTicket();
        String stranger = customer("Stranger", ticket + 1_000_000);
        ChatSocket socket = connect(stranger);
        int before = observer.refused.size();

        socket.send("not json");
        socket.sendBinary(new byte[] {1, 2, 3});
        socket.send("{\"type\":\"JOIN_TICKET\",\"ticketId\":" + ticket + "}");
        await().atMost(Duration.ofSeconds(10)).until(() -> socket.ofType("ERROR").size() == 3);

        assertThat(observer.refused.subList(before, observer.refused.size()))
                .containsExactlyInAnyOrder(ErrorCode.VALIDATION_FAILED, ErrorCode.VALIDATION_FAILED, ErrorCode.FORBIDDEN);
    }

    @Test
    void aMessageHandedToARoomsSocketsIsReportedOnce() {
        long ticket = newTicket();
        String agent = agent("Agent");
        ChatSocket socket = joined(agent, ticket);
        int before = observer.handOffs.size();

        long id = post(agent, ticket, "hello").id().value();
        socket.awaitFrame(f -> f.path("messageId").asLong() == id);

        await().atMost(Duration.ofSeconds(5)).until(() -> observer.handOffs.size() == before + 1);
        assertThat(observer.handOffs.getLast()).isPositive();
    }
}
