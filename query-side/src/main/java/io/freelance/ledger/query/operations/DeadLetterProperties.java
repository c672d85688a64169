package io.freelance.ledger.query.operations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledger.dead-letters.*}: how parked events are retried and when health warns about them.
 *
 * @param retry  the schedule that retries parked sequences, with a back-off per sequence
 * @param health when the {@code deadLetters} health component turns from UP to WARNING
 */
@ConfigurationProperties("ledger.dead-letters")
public record DeadLetterProperties(@DefaultValue Retry retry, @DefaultValue Health health) {

    /**
     * @param enabled            whether parked sequences are retried on a schedule at all (the finance
     *                           team's {@code retryDeadLetterSequence} works either way)
     * @param interval           how often the queue is looked at for sequences whose back-off has passed
     * @param initialDelay       how long after a failure the first retry waits; each further failure of the
     *                           same letter doubles it
     * @param maxDelay           the longest wait between two retries of one letter, however often it failed
     * @param maxSequencesPerRun the most sequences one run retries, so a large backlog is worked off in turns
     */
    public record Retry(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("PT5S") Duration interval,
            @DefaultValue("PT10S") Duration initialDelay,
            @DefaultValue("PT1H") Duration maxDelay,
            @DefaultValue("20") int maxSequencesPerRun) {

        public Retry {
            requirePositive("ledger.dead-letters.retry.interval", interval);
            requirePositive("ledger.dead-letters.retry.initial-delay", initialDelay);
            requirePositive("ledger.dead-letters.retry.max-delay", maxDelay);
            if (maxDelay.compareTo(initialDelay) < 0) {
                throw new IllegalArgumentException("ledger.dead-letters.retry.max-delay (" + maxDelay
                        + ") must not be shorter than ledger.dead-letters.retry.initial-delay (" + initialDelay + ")");
            }
            if (maxSequencesPerRun < 1) {
                throw new IllegalArgumentException("ledger.dead-letters.retry.max-sequences-per-run must be at least 1; it was "
                        + maxSequencesPerRun);
            }
        }
    }

    /** @param warningThreshold the most parked events that still count as UP; one more is WARNING */
    public record Health(@DefaultValue("0") int warningThreshold) {

        public Health {
            if (warningThreshold < 0) {
                throw new IllegalArgumentException("ledger.dead-letters.health.warning-threshold must not be negative; it was "
                        + warningThreshold);
            }
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration; it was " + value);
        }
    }
}
