package io.ticketchat.web.socket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

/** The outbox against a client whose first write never completes until the test lets it. */
class SocketOutboxTest {

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch clientReads = new CountDownLatch(1);
    private final List<String> written = new CopyOnWriteArrayList<>();
    private final List<CloseStatus> cutOffs = new CopyOnWriteArrayList<>();
    private final WebSocketSession session = mock(WebSocketSession.class);
    private final SocketOutbox outbox;

    SocketOutboxTest() throws Exception {
        doAnswer(call -> {
            try {
                clientReads.await();
            } catch (InterruptedException stopped) {
                // The executor shut down under a write still waiting: a dropped connection, as the container reports one.
                Thread.currentThread().interrupt();
                throw new IOException("writer stopped", stopped);
            }
            written.add(((TextMessage) call.getArgument(0)).getPayload());
            return null;
        }).when(session).sendMessage(any(WebSocketMessage.class));
        outbox = new SocketOutbox(session, threads, 10, cutOffs::add);
    }

    @AfterEach
    void stop() {
        clientReads.countDown();
        threads.shutdownNow();
    }

    @Test
    void liveTrafficBeyondTheLimitCutsTheClientOffInsteadOfWaiting() {
        assertThat(outbox.offer(new TextMessage("123456"))).isTrue();

        boolean accepted = outbox.offer(new TextMessage("7890ab"));

        assertThat(accepted).isFalse();
        assertThat(cutOffs).containsExactly(SocketOutbox.TOO_SLOW);
        assertThat(outbox.offer(new TextMessage("x"))).isFalse();
    }

    @Test
    void pacedTrafficWaitsForRoomAndKeepsOrder() throws Exception {
        outbox.offer(new TextMessage("123456"));
        Future<Boolean> paced = threads.submit(() -> outbox.offerPaced(new TextMessage("7890ab"), Duration.ofSeconds(10)));
        await().during(Duration.ofMillis(200)).until(() -> !paced.isDone());

        clientReads.countDown();

        assertThat(paced.get(5, TimeUnit.SECONDS)).isTrue();
        await().until(() -> written.size() == 2);
        assertThat(written).containsExactly("123456", "7890ab");
        assertThat(cutOffs).isEmpty();
    }

    @Test
    void pacedTrafficGivesUpOnAClientThatNeverMakesRoom() throws Exception {
        outbox.offer(new TextMessage("123456"));

        boolean accepted = outbox.offerPaced(new TextMessage("7890ab"), Duration.ofMillis(100));

        assertThat(accepted).isFalse();
        assertThat(cutOffs).containsExactly(SocketOutbox.TOO_SLOW);
    }

    @Test
    void aWriteThatTakesTooLongIsReportedStuck() {
        outbox.offer(new TextMessage("1"));

        await().until(() -> outbox.isStuck(Duration.ofMillis(50)));
        clientReads.countDown();
        await().until(() -> !outbox.isStuck(Duration.ofMillis(50)));
    }
}
