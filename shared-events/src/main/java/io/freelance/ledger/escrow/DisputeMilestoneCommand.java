package io.freelance.ledger.escrow;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the dispute desk, as the freelancer who opened the dispute, in the unit of work that opens it: the
 * milestone's deposit stays in escrow, untouched by approval, auto-release or the refund at contract end.
 */
public record DisputeMilestoneCommand(@TargetAggregateIdentifier String escrowAccountId, String milestoneId,
                                      String disputeId, String reason) {
}
