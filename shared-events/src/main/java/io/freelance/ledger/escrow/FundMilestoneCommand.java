package io.freelance.ledger.escrow;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The client funds a milestone into escrow. {@code requestId} is chosen by the caller: a retry with
 * the same id charges nothing again.
 */
public record FundMilestoneCommand(@TargetAggregateIdentifier String escrowAccountId, String milestoneId, String requestId) {
}
