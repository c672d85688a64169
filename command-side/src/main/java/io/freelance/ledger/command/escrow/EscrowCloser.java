package io.freelance.ledger.command.escrow;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.AggregateVersions.AggregateVersion;

/**
 * Closes a fixed-price contract's escrow account as part of ending the contract. The contract calls it
 * from the handler that ends it, so the end and the close commit together or not at all: no funding or
 * approval can slip in between them, however the requests race.
 */
public interface EscrowCloser {

    /** @return the escrow account's version after closing (closing a closed account changes nothing) */
    AggregateVersion closeForEndedContract(String contractId, Actor endedBy);
}
