package io.freelance.ledger.query.contract;

/** Which side of a contract a user is on. */
public enum ContractPartyRole {
    CLIENT,
    FREELANCER
}
