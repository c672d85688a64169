package io.freelance.ledger.dispute;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The freelancer disputes the refund the client asked for at contract end: the escrow stops its automatic
 * refund and the dispute desk takes the money's fate. {@code disputeId} is {@link DisputeId#forRefund}.
 */
public record OpenRefundDisputeCommand(@TargetAggregateIdentifier String disputeId, String contractId, String reason) {
}
