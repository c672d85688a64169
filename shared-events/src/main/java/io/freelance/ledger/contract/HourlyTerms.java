package io.freelance.ledger.contract;

import io.freelance.ledger.common.Money;

/**
 * Terms of an hourly contract. {@code weeklyLimitHours} is null when the client set no limit; later
 * changes to it are {@link WeeklyLimitChangedEvent}s, and {@link WeeklyLimitSchedule} says which
 * limit holds for a week.
 * <p>
 * {@code trackerOptIn}: the Work Diary's tracker is used on this contract, so tracked segments (with
 * screenshots and activity) can be recorded. The client states it in the offer and the freelancer
 * agrees to it by accepting the offer, so both parties have agreed before any work is recorded and no
 * contract can be active with only one side's consent. It is boxed because offers stored before it
 * existed have no such field (Jackson 3 refuses a missing primitive); such contracts read as not opted
 * in, which is what their parties agreed to. Never null once constructed.
 */
public record HourlyTerms(Money hourlyRate, Integer weeklyLimitHours, boolean manualTimeAllowed, Boolean trackerOptIn) {

    public HourlyTerms {
        trackerOptIn = Boolean.TRUE.equals(trackerOptIn);
    }

    /** Terms without the tracker, as every offer was before the Work Diary existed. */
    public HourlyTerms(Money hourlyRate, Integer weeklyLimitHours, boolean manualTimeAllowed) {
        this(hourlyRate, weeklyLimitHours, manualTimeAllowed, false);
    }
}
