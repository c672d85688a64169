package io.freelance.ledger.command.escrow;

import io.freelance.ledger.command.common.ContractParties;
import io.freelance.ledger.common.Money;

/** The contract's parties and the money a dispute over the account's refund or one milestone would hold. */
public record EscrowDisputeSubject(ContractParties parties, Money amount) {
}
