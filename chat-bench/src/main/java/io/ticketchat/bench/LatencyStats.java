package io.ticketchat.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.concurrent.TimeUnit;

/**
 * Latencies recorded concurrently by many receiving threads, in microseconds (1 µs to 1 minute,
 * three significant digits). {@link #snapshot()} takes everything recorded so far.
 */
public final class LatencyStats {

    static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(1);

    private final Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
    private final Histogram total = new Histogram(HIGHEST_MICROS, 3);

    /** Records one latency; values beyond a minute count as a minute, below a microsecond as one. */
    public void recordNanos(long nanos) {
        long micros = Math.max(1, Math.min(HIGHEST_MICROS, TimeUnit.NANOSECONDS.toMicros(nanos)));
        recorder.recordValue(micros);
    }

    public synchronized Summary snapshot() {
        total.add(recorder.getIntervalHistogram());
        return Summary.of(total);
    }

    /** Percentiles in milliseconds. */
    public record Summary(long count, double p50Millis, double p99Millis, double p999Millis, double maxMillis) {

        static Summary of(Histogram h) {
            if (h.getTotalCount() == 0) {
                return new Summary(0, 0, 0, 0, 0);
            }
            return new Summary(h.getTotalCount(), millis(h.getValueAtPercentile(50)), millis(h.getValueAtPercentile(99)),
                    millis(h.getValueAtPercentile(99.9)), millis(h.getMaxValue()));
        }

        private static double millis(long micros) {
            return micros / 1000.0;
        }
    }
}
