package io.freelance.ledger.dispute;

import io.freelance.ledger.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A dispute handler proposes a settlement both parties must accept within the answer window. Amounts are
 * needed for a split only; a release or refund moves the whole disputed amount.
 */
public record ProposeDisputeSettlementCommand(@TargetAggregateIdentifier String disputeId, DisputeOutcome outcome,
                                              Money releaseAmount, Money refundAmount, String note) {
}
