package io.freelance.ledger.escrow;

import io.freelance.ledger.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the dispute desk, as the service, in the unit of work that settles a dispute: the escrow pays
 * {@code releaseAmount} to the freelancer (less the service fee) and refunds {@code refundAmount} to the client.
 * {@code milestoneId} names the disputed milestone, or is null for the disputed refund at contract end.
 */
public record SettleEscrowDisputeCommand(@TargetAggregateIdentifier String escrowAccountId, String disputeId,
                                         String milestoneId, Money releaseAmount, Money refundAmount) {
}
