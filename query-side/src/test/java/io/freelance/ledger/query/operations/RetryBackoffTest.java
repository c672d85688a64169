package io.freelance.ledger.query.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private static final Instant FAILED_AT = Instant.parse("2026-03-02T10:00:00Z");

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(10), Duration.ofMinutes(5));

    @Test
    void theDelayDoublesWithEachFailureUpToTheCap() {
        assertThat(backoff.delayAfter(0)).isZero();
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(backoff.delayAfter(6)).as("320 s capped").isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aLetterIsDueOnceItsDelayHasPassedSinceItLastFailed() {
        assertThat(backoff.isDue(2, FAILED_AT, FAILED_AT.plusSeconds(19))).isFalse();
        assertThat(backoff.isDue(2, FAILED_AT, FAILED_AT.plusSeconds(20))).isTrue();
        assertThat(backoff.nextAttemptAt(3, FAILED_AT)).isEqualTo(FAILED_AT.plusSeconds(40));
    }

    @Test
    void aLetterNeverTriedIsDueAtOnce() {
        assertThat(backoff.isDue(0, FAILED_AT, FAILED_AT)).isTrue();
    }

    @Test
    void attemptsAreReadFromTheDiagnosticsWhateverNumberTypeTheSerializerGaveBack() {
        assertThat(RetryBackoff.attemptsIn(MetaData.with(RetryBackoff.ATTEMPTS, 3))).isEqualTo(3);
        assertThat(RetryBackoff.attemptsIn(MetaData.with(RetryBackoff.ATTEMPTS, 4L))).isEqualTo(4);
        assertThat(RetryBackoff.attemptsIn(MetaData.with(RetryBackoff.ATTEMPTS, "5"))).isEqualTo(5);
        assertThat(RetryBackoff.attemptsIn(MetaData.from(Map.of("other", 1)))).isZero();
        assertThat(RetryBackoff.attemptsIn(MetaData.with(RetryBackoff.ATTEMPTS, "many"))).isZero();
        assertThat(RetryBackoff.attemptsIn(null)).isZero();
    }
}
