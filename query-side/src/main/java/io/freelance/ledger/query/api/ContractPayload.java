package io.freelance.ledger.query.api;

import io.freelance.ledger.query.contract.ContractView;

/** What every contract mutation returns: the contract as it is after the change. */
public record ContractPayload(ContractView contract) {
}
