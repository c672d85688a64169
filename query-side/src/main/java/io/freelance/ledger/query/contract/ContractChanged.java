package io.freelance.ledger.query.contract;

/** The contract's read model was written and committed; read it again for its new state. */
public record ContractChanged(String contractId) {
}
