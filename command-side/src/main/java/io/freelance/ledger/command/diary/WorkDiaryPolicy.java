package io.freelance.ledger.command.diary;

import io.freelance.ledger.diary.CellProtection;
import java.time.Duration;
import java.util.Objects;

/**
 * The configurable numbers of the Work Diary. Handlers receive it as a parameter (a Spring bean in the
 * apps, an injectable resource in tests).
 *
 * @param clockSkewAllowance         how far a tracker's clock may run ahead of the service's: a cell may end
 *                                   at most this long after now. Below one cell, so no cell can be recorded
 *                                   before it has started.
 * @param protectedActivityThreshold the lowest activity level (0 to 10) of a protected cell; invoices and
 *                                   disputes read it from here, the read models from the same setting
 */
public record WorkDiaryPolicy(Duration clockSkewAllowance, int protectedActivityThreshold) {

    private static final Duration MAXIMUM_SKEW = Duration.ofMinutes(9);

    public WorkDiaryPolicy {
        Objects.requireNonNull(clockSkewAllowance, "clockSkewAllowance");
        if (clockSkewAllowance.isNegative() || clockSkewAllowance.compareTo(MAXIMUM_SKEW) > 0) {
            throw new IllegalArgumentException("clockSkewAllowance must be from 0 to " + MAXIMUM_SKEW);
        }
        // Refuses a threshold outside 0..10 at start-up.
        new CellProtection(protectedActivityThreshold);
    }

    public static WorkDiaryPolicy defaults() {
        return new WorkDiaryPolicy(Duration.ofMinutes(2), CellProtection.DEFAULT_ACTIVITY_THRESHOLD);
    }

    public CellProtection cellProtection() {
        return new CellProtection(protectedActivityThreshold);
    }
}
