package io.freelance.ledger.escrow;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The full new order of milestone ids; milestones that were ever funded keep their places. */
public record ReorderMilestonesCommand(@TargetAggregateIdentifier String escrowAccountId, List<String> milestoneIds) {
}
