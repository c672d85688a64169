package io.freelance.ledger.query.dispute;

/** Where a dispute at the desk stands. */
public enum DisputeStatus {
    /** The other party has until the response deadline. */
    AWAITING_RESPONSE,
    /** Contested: a dispute handler mediates or decides. */
    CONTESTED,
    /** A handler's proposal awaits both parties' answers. */
    PROPOSED,
    SETTLED
}
