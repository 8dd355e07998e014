package io.ticketchat.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one rate step sent and what came back. Every sent message carries its run id and its due time
 * ({@link System#nanoTime()} of this JVM) in the text and in the clientMessageId, so each receiving
 * socket computes the delivery latency from the payload alone; frames of an earlier step are ignored
 * (they count as lost there).
 */
final class RateStep implements FrameSink {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String runId;
    private final LatencyStats delivery = new LatencyStats();
    private final LatencyStats ack = new LatencyStats();
    private final LongAdder sent = new LongAdder();
    private final LongAdder expectedDeliveries = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder acked = new LongAdder();
    private final LongAdder closedSockets = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    RateStep(String runId) {
        this.runId = runId;
    }

    static String sendFrame(long ticketId, String runId, long seq, long dueNanos) {
        return "{\"type\":\"SEND_MESSAGE\",\"ticketId\":" + ticketId + ",\"message\":\"bench " + runId + " " + dueNanos
                + "\",\"clientMessageId\":\"" + runId + "." + seq + "." + dueNanos + "\"}";
    }

    void sent(int otherParticipants) {
        sent.increment();
        expectedDeliveries.add(otherParticipants);
    }

    @Override
    public void onFrame(ChatSocket socket, String frame) {
        long now = System.nanoTime();
        if (frame == ChatSocket.CLOSED_FRAME) {
            closedSockets.increment();
            return;
        }
        JsonNode event = JSON.readTree(frame);
        switch (event.path("type").asString()) {
            case "NEW_MESSAGE" -> {
                if (event.path("senderId").asLong() != socket.participant().userId()) {
                    dueTime(event.path("message").asString(), ' ').ifPresent(due -> {
                        delivery.recordNanos(now - due);
                        delivered.increment();
                    });
                }
            }
            case "MESSAGE_ACK" -> dueTime(event.path("clientMessageId").asString(), '.').ifPresent(due -> {
                ack.recordNanos(now - due);
                acked.increment();
            });
            case "ERROR" -> errors.computeIfAbsent(event.path("code").asString(), c -> new LongAdder()).increment();
            default -> { }
        }
    }

    /** The due time at the end of "bench RUN DUE" or "RUN.SEQ.DUE", when the payload belongs to this step. */
    private java.util.OptionalLong dueTime(String payload, char separator) {
        String prefix = separator == ' ' ? "bench " + runId + " " : runId + ".";
        if (payload == null || !payload.startsWith(prefix)) {
            return java.util.OptionalLong.empty();
        }
        return java.util.OptionalLong.of(Long.parseLong(payload.substring(payload.lastIndexOf(separator) + 1)));
    }

    boolean complete() {
        return delivered.sum() >= expectedDeliveries.sum() && acked.sum() >= sent.sum();
    }

    Result result(double offeredRate, double seconds) {
        long errorCount = errors.values().stream().mapToLong(LongAdder::sum).sum();
        Map<String, Long> errorCodes = new java.util.TreeMap<>();
        errors.forEach((code, n) -> errorCodes.put(code, n.sum()));
        return new Result(offeredRate, sent.sum(), acked.sum(), acked.sum() / seconds, expectedDeliveries.sum(), delivered.sum(),
                errorCount, errorCodes, closedSockets.sum(), delivery.snapshot(), ack.snapshot(), null);
    }

    /** One step's outcome. Lost = deliveries that never arrived plus sends never acknowledged. */
    record Result(double offeredRate, long sent, long acked, double ackedPerSecond, long expectedDeliveries, long delivered,
                  long errors, Map<String, Long> errorCodes, long closedSockets,
                  LatencyStats.Summary delivery, LatencyStats.Summary ack, ServerProcess.CpuTime serverCpu) {

        Result withServerCpu(ServerProcess.CpuTime cpu) {
            return new Result(offeredRate, sent, acked, ackedPerSecond, expectedDeliveries, delivered, errors, errorCodes,
                    closedSockets, delivery, ack, cpu);
        }

        /** Server JVM CPU per sent message in microseconds (0 when not measured). */
        double serverCpuMicrosPerMessage() {
            return serverCpu == null || sent == 0 ? 0 : serverCpu.serverMillis() * 1000.0 / sent;
        }

        /** Statements the database received per sent message (0 when not counted). */
        double statementsPerMessage() {
            return serverCpu == null || sent == 0 ? 0 : (double) serverCpu.statements() / sent;
        }

        /** Embedded database CPU per sent message in microseconds (0 when not measured or external). */
        double databaseCpuMicrosPerMessage() {
            return serverCpu == null || sent == 0 ? 0 : serverCpu.childMillis() * 1000.0 / sent;
        }

        long lost() {
            return Math.max(0, expectedDeliveries - delivered) + Math.max(0, sent - acked);
        }

        /** Everything arrived within the drain, without errors, and half of it within the knee's bound. */
        boolean keptUp() {
            return lost() == 0 && errors == 0 && closedSockets == 0 && delivery.p50Millis() <= BenchOptions.KNEE_P99_MILLIS;
        }

        boolean withinTarget(double p99Millis) {
            return lost() == 0 && errors == 0 && closedSockets == 0 && delivery.p99Millis() <= p99Millis;
        }
    }
}
