package io.freelance.ledger.contract;

public enum ContractType {
    HOURLY,
    FIXED_PRICE
}
