package io.freelance.ledger.escrow;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteMilestoneCommand(@TargetAggregateIdentifier String escrowAccountId, String milestoneId) {
}
