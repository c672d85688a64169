package io.freelance.ledger.escrow;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RequestMilestoneChangesCommand(@TargetAggregateIdentifier String escrowAccountId, String milestoneId, String message) {
}
