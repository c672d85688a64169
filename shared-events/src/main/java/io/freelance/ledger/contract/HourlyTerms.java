package io.freelance.ledger.contract;

import io.freelance.ledger.common.Money;

/**
 * Terms of an hourly contract. {@code weeklyLimitHours} is null when the client set no limit.
 * The Work Diary builds on these.
 */
public record HourlyTerms(Money hourlyRate, Integer weeklyLimitHours, boolean manualTimeAllowed) {
}
