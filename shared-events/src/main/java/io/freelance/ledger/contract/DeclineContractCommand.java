package io.freelance.ledger.contract;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeclineContractCommand(@TargetAggregateIdentifier String contractId, String reason) {
}
