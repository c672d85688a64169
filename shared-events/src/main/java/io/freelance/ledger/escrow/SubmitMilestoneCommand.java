package io.freelance.ledger.escrow;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The freelancer submits the milestone's work for review, with a note to the client. */
public record SubmitMilestoneCommand(@TargetAggregateIdentifier String escrowAccountId, String milestoneId, String note) {
}
