package io.freelance.ledger.standalone.tracker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/** What the trackers of one run did, gathered from their threads; read once they are done. */
final class RunRecorder {

    private final ConcurrentLinkedQueue<Segment> recorded = new ConcurrentLinkedQueue<>();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder uploads = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> recordNanos = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> uploadNanos = new ConcurrentLinkedQueue<>();

    void uploaded(long nanos) {
        uploads.increment();
        uploadNanos.add(nanos);
    }

    void recorded(Segment segment, long nanos) {
        recorded.add(segment);
        recordNanos.add(nanos);
    }

    void skipped() {
        skipped.increment();
    }

    void failed(Refusal refusal) {
        errors.computeIfAbsent(refusal.key(), key -> new LongAdder()).increment();
    }

    TrackerSummary summary(Duration elapsed, List<String> contractIds) {
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((key, count) -> errorCounts.put(key, count.sum()));
        return new TrackerSummary(contractIds, List.copyOf(recorded), skipped.sum(), uploads.sum(), errorCounts, elapsed,
                Latencies.of(new ArrayList<>(recordNanos)), Latencies.of(new ArrayList<>(uploadNanos)));
    }
}
