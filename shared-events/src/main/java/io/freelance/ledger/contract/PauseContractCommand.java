package io.freelance.ledger.contract;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A dispute handler, or the service for an hour dispute, pauses an active hourly contract: no time can
 * be recorded on it until it is resumed. Pausing a paused contract changes nothing.
 */
public record PauseContractCommand(@TargetAggregateIdentifier String contractId, String reason) {
}
