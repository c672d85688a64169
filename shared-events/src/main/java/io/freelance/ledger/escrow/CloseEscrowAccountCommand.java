package io.freelance.ledger.escrow;

import io.freelance.ledger.common.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent when the contract ends: no more funding; money still held is refunded per the rules. */
public record CloseEscrowAccountCommand(@TargetAggregateIdentifier String escrowAccountId, String endedBy, Role endedByRole) {
}
