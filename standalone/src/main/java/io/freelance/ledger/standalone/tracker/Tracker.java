package io.freelance.ledger.standalone.tracker;

import io.freelance.ledger.standalone.tracker.LedgerHttp.Answer;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One freelancer's tracker on one contract: for each of its cells, once the cell has ended, it draws a
 * screenshot, uploads it, and records the segment that refers to it, as the desktop tracker would.
 */
final class Tracker implements Runnable {

    /** Sent a little after a live cell ends, so the service's clock surely agrees it has. */
    private static final Duration AFTER_CELL_END = Duration.ofSeconds(2);

    private final String name;
    private final TrackerApi api;
    private final Credentials freelancer;
    private final String contractId;
    private final List<Instant> cells;
    private final SegmentGenerator segments;
    private final long seed;
    private final RunRecorder recorder;
    private final PrintStream out;
    private final Clock clock;

    Tracker(String name, TrackerApi api, Credentials freelancer, String contractId, List<Instant> cells, long seed,
            RunRecorder recorder, PrintStream out, Clock clock) {
        this.name = name;
        this.api = api;
        this.freelancer = freelancer;
        this.contractId = contractId;
        this.cells = cells;
        this.segments = new SegmentGenerator(seed);
        this.seed = seed;
        this.recorder = recorder;
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void run() {
        for (Instant cell : cells) {
            if (!waitUntilEnded(cell)) {
                return;
            }
            track(segments.next(contractId, cell));
        }
    }

    private void track(Segment unshot) {
        byte[] png = ScreenshotPainter.png(unshot, seed);
        long uploadStart = System.nanoTime();
        Answer upload = api.upload(freelancer, png);
        if (!upload.ok()) {
            fail(unshot, "upload", upload.refusal());
            return;
        }
        recorder.uploaded(System.nanoTime() - uploadStart);
        Segment segment = unshot.withScreenshot(upload.data().path("screenshotId").asString());
        long recordStart = System.nanoTime();
        Answer answer = api.record(freelancer, segment);
        long recordNanos = System.nanoTime() - recordStart;
        if (answer.ok()) {
            recorder.recorded(segment, recordNanos);
            out.printf("[%s] %s recorded: activity %d/10, %s, %.0f ms%n", name, segment.cellDateTime(),
                    segment.activityLevel(), segment.memo(), recordNanos / 1e6);
        } else if (answer.refusal().alreadyRecorded()) {
            recorder.skipped();
            out.printf("[%s] %s skipped: recorded before%n", name, segment.cellDateTime());
        } else {
            fail(segment, "recordTrackedSegment", answer.refusal());
        }
    }

    private void fail(Segment segment, String step, Refusal refusal) {
        recorder.failed(refusal);
        out.printf("[%s] %s %s refused: %s: %s%n", name, segment.cellDateTime(), step, refusal.key(), refusal.message());
    }

    /** False when interrupted while waiting for a live cell to end. */
    private boolean waitUntilEnded(Instant cell) {
        Instant sendAt = cell.plus(CellPlan.CELL_LENGTH).plus(AFTER_CELL_END);
        Duration wait = Duration.between(clock.instant(), sendAt);
        if (wait.isNegative() || wait.isZero()) {
            return true;
        }
        out.printf("[%s] waiting %d s for the cell %s to end%n", name, wait.toSeconds(), cell);
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
