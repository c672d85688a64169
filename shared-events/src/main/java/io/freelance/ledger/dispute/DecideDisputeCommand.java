package io.freelance.ledger.dispute;

import io.freelance.ledger.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A dispute handler decides a contested dispute. Amounts are needed for a split only; a release or refund moves
 * the whole disputed amount. The same decision again changes nothing.
 */
public record DecideDisputeCommand(@TargetAggregateIdentifier String disputeId, DisputeOutcome outcome,
                                   Money releaseAmount, Money refundAmount, String note) {
}
