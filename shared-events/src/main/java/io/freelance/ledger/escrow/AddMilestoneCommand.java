package io.freelance.ledger.escrow;

import io.freelance.ledger.contract.MilestoneTerms;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The client adds a milestone at the end of the schedule. Repeating it with the same terms is a no-op. */
public record AddMilestoneCommand(@TargetAggregateIdentifier String escrowAccountId, MilestoneTerms milestone) {
}
