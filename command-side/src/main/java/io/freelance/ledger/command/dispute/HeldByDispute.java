package io.freelance.ledger.command.dispute;

import io.freelance.ledger.command.common.ContractParties;
import io.freelance.ledger.common.Money;

/**
 * What the escrow account answers when a dispute opens: the contract's parties, the money the dispute holds, and
 * the account's version after it recorded the dispute, so callers can wait for its read model.
 */
public record HeldByDispute(ContractParties parties, Money amount, long escrowVersion) {
}
