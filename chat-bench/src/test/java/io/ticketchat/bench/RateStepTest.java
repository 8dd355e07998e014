package io.ticketchat.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RateStepTest {

    private final RateStep step = new RateStep("r1x");
    private final ChatSocket sender = socket(1);
    private final ChatSocket receiver = socket(2);

    @Test
    void theSendFrameCarriesItsDueTimeInTextAndKey() {
        assertThat(RateStep.sendFrame(7, "r1x", 3, 12345))
                .isEqualTo("{\"type\":\"SEND_MESSAGE\",\"ticketId\":7,\"message\":\"bench r1x 12345\",\"clientMessageId\":\"r1x.3.12345\"}");
    }

    @Test
    void deliveryLatencyIsMeasuredFromTheDueTimeInThePayload() {
        long due = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(40);
        step.sent(1);

        step.onFrame(receiver, newMessage(1, "bench r1x " + due));
        step.onFrame(sender, ack("r1x.0." + due));

        RateStep.Result result = step.result(1, 1);
        assertThat(result.delivered()).isEqualTo(1);
        assertThat(result.acked()).isEqualTo(1);
        assertThat(result.lost()).isZero();
        assertThat(result.delivery().p50Millis()).isGreaterThanOrEqualTo(40);
        assertThat(result.withinTarget(50)).isTrue();
        assertThat(step.complete()).isTrue();
    }

    @Test
    void theSendersOwnCopyAndFramesOfOtherStepsAreNotDeliveries() {
        long due = System.nanoTime();
        step.sent(1);

        step.onFrame(sender, newMessage(1, "bench r1x " + due));
        step.onFrame(receiver, newMessage(1, "bench r0y " + due));
        step.onFrame(receiver, newMessage(1, "hello from a person"));

        RateStep.Result result = step.result(1, 1);
        assertThat(result.delivered()).isZero();
        assertThat(step.complete()).isFalse();
        // One delivery missing and one send never acknowledged.
        assertThat(result.lost()).isEqualTo(2);
        assertThat(result.withinTarget(50)).isFalse();
    }

    @Test
    void errorsAndClosedSocketsFailTheStep() {
        step.onFrame(sender, "{\"type\":\"ERROR\",\"code\":\"RATE_LIMITED\"}");
        step.onFrame(receiver, ChatSocket.CLOSED_FRAME);

        RateStep.Result result = step.result(1, 1);
        assertThat(result.errorCodes()).isEqualTo(Map.of("RATE_LIMITED", 1L));
        assertThat(result.closedSockets()).isEqualTo(1);
        assertThat(result.withinTarget(50)).isFalse();
    }

    @Test
    void theKneeIsTheHighestRateWithinTargetAndTheCeilingTheHighestKeptUp() {
        RateStep.Result ok1 = result(1000, 10, 20, 0);
        RateStep.Result noisy = result(2000, 1, 70, 0);
        RateStep.Result ok3 = result(3000, 10, 30, 0);
        RateStep.Result behind = result(4000, 60, 300, 0);
        RateStep.Result lossy = result(5000, 5, 5, 3);

        List<RateStep.Result> ladder = List.of(ok1, noisy, ok3, behind, lossy);

        assertThat(BenchResults.knee(ladder)).isSameAs(ok3);
        assertThat(BenchResults.ceiling(ladder)).isSameAs(ok3);
        assertThat(BenchResults.ceiling(List.of(ok1, noisy))).isSameAs(noisy);
        assertThat(BenchResults.knee(List.of(behind, lossy))).isNull();
    }

    private static RateStep.Result result(double rate, double p50, double p99, long missing) {
        LatencyStats.Summary latency = new LatencyStats.Summary(100, p50, p99, p99, p99);
        return new RateStep.Result(rate, 100, 100, rate, 200, 200 - missing, 0, Map.of(), 0, latency, latency, null);
    }

    private static ChatSocket socket(long userId) {
        return new ChatSocket(new Participant(userId, "agent", 7, "token"), () -> FrameSink.IGNORE);
    }

    private static String newMessage(long senderId, String text) {
        return "{\"type\":\"NEW_MESSAGE\",\"ticketId\":7,\"message\":\"" + text + "\",\"senderId\":" + senderId + ",\"messageId\":1}";
    }

    private static String ack(String clientMessageId) {
        return "{\"type\":\"MESSAGE_ACK\",\"ticketId\":7,\"clientMessageId\":\"" + clientMessageId + "\",\"messageId\":1}";
    }
}
