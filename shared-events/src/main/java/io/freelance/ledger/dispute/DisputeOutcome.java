package io.freelance.ledger.dispute;

/** Where the disputed money goes. */
public enum DisputeOutcome {
    /** All of it to the freelancer, less the service fee. */
    RELEASE_TO_FREELANCER,
    /** All of it back to the client. */
    REFUND_TO_CLIENT,
    /** Exact amounts to each, together the whole disputed amount. */
    SPLIT
}
