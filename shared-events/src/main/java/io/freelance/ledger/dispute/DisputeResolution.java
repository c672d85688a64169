package io.freelance.ledger.dispute;

/** How a dispute came to its settlement. */
public enum DisputeResolution {
    /** The other party conceded in their response. */
    CONCEDED,
    /** Both parties accepted a dispute handler's proposal. */
    AGREED_BY_PARTIES,
    /** A dispute handler decided. */
    DECIDED_BY_HANDLER,
    /** The other party did not respond in time: decided for the party who opened it. */
    NO_RESPONSE_IN_TIME
}
