package io.freelance.ledger.query.ledger.audit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far a replay has read: events done of the total there were when it started, the rate so far and the
 * time left at that rate. Written by the replay thread, read by whoever asks (GraphQL, the log, a progress bar).
 */
public final class AuditProgress {

    private final AtomicLong eventsDone = new AtomicLong();
    private volatile long eventsTotal;
    private volatile long startedNanos = System.nanoTime();
    private volatile long finishedNanos;

    void started(long total) {
        eventsTotal = Math.max(total, 0);
        startedNanos = System.nanoTime();
    }

    void advanced(long events) {
        long done = eventsDone.addAndGet(events);
        if (done > eventsTotal) {
            eventsTotal = done;
        }
    }

    void finished() {
        finishedNanos = System.nanoTime();
        eventsTotal = eventsDone.get();
    }

    public long eventsDone() {
        return eventsDone.get();
    }

    public long eventsTotal() {
        return eventsTotal;
    }

    public Duration elapsed() {
        long end = finishedNanos != 0 ? finishedNanos : System.nanoTime();
        return Duration.ofNanos(end - startedNanos);
    }

    public double eventsPerSecond() {
        double seconds = elapsed().toNanos() / 1e9;
        return seconds <= 0 ? 0 : eventsDone() / seconds;
    }

    /** Null until the rate is known. */
    public Duration timeLeft() {
        double rate = eventsPerSecond();
        if (rate <= 0) {
            return null;
        }
        return Duration.ofMillis((long) ((eventsTotal() - eventsDone()) / rate * 1000));
    }

    public double percentDone() {
        long total = eventsTotal();
        return total == 0 ? 100 : 100.0 * eventsDone() / total;
    }

    @Override
    public String toString() {
        Duration left = timeLeft();
        return String.format("%d/%d events (%.1f%%), %.0f events/s, %s left", eventsDone(), eventsTotal(), percentDone(),
                eventsPerSecond(), left == null ? "unknown" : left.toSeconds() + " s");
    }
}
