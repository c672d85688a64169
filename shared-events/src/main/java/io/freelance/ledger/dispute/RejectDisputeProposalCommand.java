package io.freelance.ledger.dispute;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A party rejects proposal number {@code proposalNumber}; the dispute goes back to the handler. */
public record RejectDisputeProposalCommand(@TargetAggregateIdentifier String disputeId, int proposalNumber,
                                           String reason) {
}
