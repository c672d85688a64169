package io.freelance.ledger.query.contract;

/** A contract in a page of its party's list, and where it stands in that list (for the cursor). */
public record ListedContract(long position, ContractView contract) {
}
