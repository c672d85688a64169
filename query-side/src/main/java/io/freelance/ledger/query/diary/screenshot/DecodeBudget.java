package io.freelance.ledger.query.diary.screenshot;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many pixels may be decoded at once, across all uploads. A decoded image costs memory by its
 * pixels, not by its file size (a 200 KB PNG can hold 20 million pixels), so the budget is in pixels:
 * many ordinary screenshots decode side by side, and a few large ones wait for each other. Fair, so a
 * large image is not starved by a stream of small ones.
 */
final class DecodeBudget {

    private final Semaphore pixels;
    private final Duration wait;

    DecodeBudget(long concurrentPixels, Duration wait) {
        this.pixels = new Semaphore(Math.toIntExact(concurrentPixels), true);
        this.wait = wait;
    }

    /** A share of the budget for an image of this many pixels; refused with 503 when none frees up in time. */
    Share acquire(long imagePixels) {
        int permits = Math.toIntExact(imagePixels);
        try {
            if (!pixels.tryAcquire(permits, wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw ScreenshotRefusal.decodersBusy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ScreenshotRefusal.decodersBusy();
        }
        return () -> pixels.release(permits);
    }

    /** Pixels free just now (for tests and metrics). */
    long available() {
        return pixels.availablePermits();
    }

    /** Released once the decoded image and everything scaled from it are no longer needed. */
    interface Share extends AutoCloseable {
        @Override
        void close();
    }
}
