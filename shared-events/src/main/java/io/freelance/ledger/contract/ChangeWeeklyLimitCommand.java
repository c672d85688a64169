package io.freelance.ledger.contract;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The client changes an hourly contract's weekly limit; {@code weeklyLimitHours} null removes it. An
 * increase applies at once, a decrease from the next Monday 00:00 UTC, so hours the freelancer has
 * already worked this week under the old limit stay within it.
 */
public record ChangeWeeklyLimitCommand(@TargetAggregateIdentifier String contractId, Integer weeklyLimitHours) {
}
