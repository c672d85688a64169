package io.freelance.ledger.standalone;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Polls a check that lists what is still wrong, until nothing is or the time is up. Returns what
 * was still wrong at the end, so a caller can report it instead of only "timed out".
 */
final class Waiting {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private Waiting() {
    }

    static List<String> until(Duration timeout, Supplier<List<String>> problems) {
        long giveUpAt = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> remaining;
            try {
                remaining = problems.get();
            } catch (RuntimeException | AssertionError failure) {
                remaining = List.of("check failed: " + failure);
            }
            if (remaining.isEmpty() || System.nanoTime() > giveUpAt) {
                return remaining;
            }
            ServiceProcess.pause(POLL_INTERVAL);
        }
    }
}
