package io.freelance.ledger.dispute;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A party accepts proposal number {@code proposalNumber}, so an answer never lands on a newer proposal. */
public record AcceptDisputeProposalCommand(@TargetAggregateIdentifier String disputeId, int proposalNumber) {
}
