package io.freelance.ledger.contract;

public enum ContractStatus {
    OFFERED,
    DECLINED,
    ACTIVE,
    PAUSED,
    ENDED
}
