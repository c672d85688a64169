package io.freelance.ledger.contract;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A dispute handler, or the service when an hour dispute is settled, resumes a paused contract. */
public record ResumeContractCommand(@TargetAggregateIdentifier String contractId, String reason) {
}
