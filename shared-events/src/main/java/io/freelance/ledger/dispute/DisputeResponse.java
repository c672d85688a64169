package io.freelance.ledger.dispute;

/** The other party's answer to a dispute. */
public enum DisputeResponse {
    /** They agree with the party who opened it: decided in that party's favour at once. */
    CONCEDE,
    /** They disagree, with a statement: a dispute handler mediates or decides. */
    CONTEST
}
