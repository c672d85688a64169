package io.freelance.ledger.messaging;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the service when a contract is accepted: opens the contract's room with its two parties. */
public record OpenContractRoomCommand(
        @TargetAggregateIdentifier String roomId, String contractId, String clientId, String freelancerId) {
}
