package io.freelance.ledger.query.dispute;

/** Where a handler's proposal stands. */
public enum ProposalStatus {
    OPEN,
    ACCEPTED,
    REJECTED,
    LAPSED
}
