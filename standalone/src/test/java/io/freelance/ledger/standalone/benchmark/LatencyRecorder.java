package io.freelance.ledger.standalone.benchmark;

import java.util.ArrayList;
import java.util.List;

/** Latencies of one scenario's measured requests, and how many of them were wrong or unanswered. */
final class LatencyRecorder {

    record Summary(int count, int errors, double seconds, double perSecond,
                   double latencyMsP50, double latencyMsP90, double latencyMsP99, double latencyMsMax) {
    }

    private final List<Long> latenciesNanos = new ArrayList<>();
    private int errors;

    synchronized void record(long latencyNanos, boolean correct) {
        latenciesNanos.add(latencyNanos);
        if (!correct) {
            errors++;
        }
    }

    synchronized int count() {
        return latenciesNanos.size();
    }

    synchronized Summary summarize(long elapsedNanos) {
        List<Long> sorted = latenciesNanos.stream().sorted().toList();
        double seconds = elapsedNanos / 1e9;
        return new Summary(sorted.size(), errors, seconds, sorted.size() / seconds,
                percentileMs(sorted, 50), percentileMs(sorted, 90), percentileMs(sorted, 99),
                sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1) / 1e6);
    }

    /** Nearest rank: the smallest latency at or above which {@code percent}% of the requests lie. */
    private static double percentileMs(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }
}
