package io.freelance.ledger.contract;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Either party ends an active or paused contract. */
public record EndContractCommand(@TargetAggregateIdentifier String contractId, String reason) {
}
