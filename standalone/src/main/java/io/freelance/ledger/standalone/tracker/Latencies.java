package io.freelance.ledger.standalone.tracker;

import java.util.Collections;
import java.util.List;

/** Nearest-rank percentiles of one operation's latencies, in milliseconds. */
public record Latencies(int count, double p50Millis, double p99Millis) {

    static Latencies of(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return new Latencies(0, 0, 0);
        }
        Collections.sort(nanos);
        return new Latencies(nanos.size(), percentile(nanos, 50) / 1e6, percentile(nanos, 99) / 1e6);
    }

    private static long percentile(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    @Override
    public String toString() {
        return count == 0 ? "none" : "p50 %.1f ms, p99 %.1f ms (%d)".formatted(p50Millis, p99Millis, count);
    }
}
