package io.freelance.ledger.dispute;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The freelancer claims a submitted milestone is owed: its deposit stays in escrow until the dispute is
 * settled. {@code disputeId} is {@link DisputeId#forMilestone}.
 */
public record OpenMilestoneDisputeCommand(@TargetAggregateIdentifier String disputeId, String contractId,
                                          String milestoneId, String reason) {
}
