package io.freelance.ledger.escrow;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The freelancer disputes the refund of escrowed funds, stopping the automatic refund. */
public record DisputeRefundCommand(@TargetAggregateIdentifier String escrowAccountId, String reason) {
}
