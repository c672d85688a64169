package io.freelance.ledger.standalone.tracker;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a run: every segment the service recorded as sent (for tests to compare with the diary),
 * cells skipped because they were recorded already, uploads, errors by classification and rule, and speed.
 */
public record TrackerSummary(List<String> contractIds, List<Segment> recorded, long skipped, long uploads,
                             Map<String, Long> errors, Duration elapsed, Latencies recordLatency,
                             Latencies uploadLatency) {

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    public double segmentsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds == 0 ? 0 : recorded.size() / seconds;
    }

    String describe() {
        StringBuilder text = new StringBuilder();
        text.append("Contracts: ").append(String.join(", ", contractIds)).append('\n');
        text.append("Cells recorded: %d, skipped (recorded before): %d, screenshots uploaded: %d, errors: %d%n"
                .formatted(recorded.size(), skipped, uploads, errorCount()));
        errors.forEach((key, count) -> text.append("  ").append(key).append(": ").append(count).append('\n'));
        text.append("Throughput: %.1f segments/s over %.1f s%n".formatted(segmentsPerSecond(), elapsed.toMillis() / 1e3));
        text.append("recordTrackedSegment: ").append(recordLatency).append('\n');
        text.append("POST /screenshots: ").append(uploadLatency).append('\n');
        return text.toString();
    }
}
