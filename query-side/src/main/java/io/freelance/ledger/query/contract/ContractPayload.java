package io.freelance.ledger.query.contract;

/**
 * What every contract mutation returns: the contract as it is after the change. {@code pending} is true
 * when the change was recorded but the read model did not show it within the wait; {@code contract} is
 * then the contract as last seen (null if it cannot be shown yet), never passed off as the result.
 */
public record ContractPayload(String contractId, ContractView contract, boolean pending) {
}
