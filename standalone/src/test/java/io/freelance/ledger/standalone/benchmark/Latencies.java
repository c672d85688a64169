package io.freelance.ledger.standalone.benchmark;

import java.util.Arrays;

/** Percentiles of a set of timings, by the nearest-rank method. */
record Latencies(long[] sortedNanos) {

    static Latencies of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted);
    }

    int count() {
        return sortedNanos.length;
    }

    double percentileMillis(double percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, rank - 1)] / 1e6;
    }
}
