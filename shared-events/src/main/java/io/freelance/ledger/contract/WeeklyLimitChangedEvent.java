package io.freelance.ledger.contract;

import java.time.Instant;

/**
 * An hourly contract's weekly limit changes from {@code effectiveFrom} on: the moment of the change
 * for an increase (or removing the limit), the next Monday 00:00 UTC for a decrease. A null limit is
 * no limit. Apply these to a {@link WeeklyLimitSchedule} to know the limit of any week.
 */
public record WeeklyLimitChangedEvent(
        String contractId,
        Integer previousWeeklyLimitHours,
        Integer weeklyLimitHours,
        Instant effectiveFrom,
        Instant changedAt) {
}
