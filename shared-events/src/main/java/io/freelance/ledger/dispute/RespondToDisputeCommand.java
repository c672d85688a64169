package io.freelance.ledger.dispute;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The other party answers within the response window; {@code statement} is required when contesting. */
public record RespondToDisputeCommand(@TargetAggregateIdentifier String disputeId, DisputeResponse response,
                                      String statement) {
}
