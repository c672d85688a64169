package io.freelance.ledger.query.contract;

/**
 * One contract by id. Subscribing to it delivers a {@link ContractChanged} each time the contract's read
 * model has been written and committed: mutations wait on it for their own effect, and live views can too.
 */
public record FindContractQuery(String contractId) {
}
