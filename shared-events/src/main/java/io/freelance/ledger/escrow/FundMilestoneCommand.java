package io.freelance.ledger.escrow;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The client funds a milestone into escrow. {@code idempotencyId} stands for the caller's idempotency
 * key (the API derives it from the key): a retry with the same id charges nothing again, and the same id
 * for another milestone is refused.
 */
public record FundMilestoneCommand(@TargetAggregateIdentifier String escrowAccountId, String milestoneId,
                                   String idempotencyId) {
}
