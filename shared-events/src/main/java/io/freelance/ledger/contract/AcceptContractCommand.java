package io.freelance.ledger.contract;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AcceptContractCommand(@TargetAggregateIdentifier String contractId) {
}
