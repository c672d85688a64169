package io.freelance.ledger.query.operations;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.messaging.MetaData;

/**
 * When a parked letter may be tried again. Each letter carries in its diagnostics how often handling it
 * failed ({@value #ATTEMPTS}); after the n-th failure the next try waits {@code initialDelay × 2^(n-1)},
 * at most {@code maxDelay}, counted from the letter's {@code lastTouched} (the time of that failure).
 * A letter never tried yet (one parked behind an earlier failure of its sequence) is due at once.
 */
public final class RetryBackoff {

    /** The diagnostics entry holding how often handling the letter failed. */
    public static final String ATTEMPTS = "attempts";

    private final Duration initialDelay;
    private final Duration maxDelay;

    public RetryBackoff(Duration initialDelay, Duration maxDelay) {
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
    }

    /** How long to wait after the given number of failed attempts; zero before the first. */
    public Duration delayAfter(int attempts) {
        if (attempts <= 0) {
            return Duration.ZERO;
        }
        Duration delay = initialDelay;
        for (int doubling = 1; doubling < attempts && delay.compareTo(maxDelay) < 0; doubling++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** When a letter last touched at {@code lastTouched}, after {@code attempts} failures, may be tried again. */
    public Instant nextAttemptAt(int attempts, Instant lastTouched) {
        return lastTouched == null ? Instant.EPOCH : lastTouched.plus(delayAfter(attempts));
    }

    public boolean isDue(int attempts, Instant lastTouched, Instant now) {
        return !nextAttemptAt(attempts, lastTouched).isAfter(now);
    }

    /** The failed attempts recorded in a letter's diagnostics; 0 when none are. */
    public static int attemptsIn(MetaData diagnostics) {
        Object attempts = diagnostics == null ? null : diagnostics.get(ATTEMPTS);
        if (attempts instanceof Number number) {
            return Math.max(0, number.intValue());
        }
        if (attempts instanceof String text) {
            try {
                return Math.max(0, Integer.parseInt(text.trim()));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }
}
