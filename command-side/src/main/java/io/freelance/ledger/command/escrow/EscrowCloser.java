package io.freelance.ledger.command.escrow;

import io.freelance.ledger.common.Actor;

/**
 * Closes a fixed-price contract's escrow account as part of ending the contract. The contract calls it
 * from the handler that ends it, so the end and the close commit together or not at all: no funding or
 * approval can slip in between them, however the requests race.
 */
public interface EscrowCloser {

    void closeForEndedContract(String contractId, Actor endedBy);
}
