package io.freelance.ledger.dispute;

/** How an hour dispute was settled. */
public enum HourDisputeOutcome {
    /** The freelancer accepted the refund of every disputed cell. */
    REFUND_ACCEPTED,
    /** A dispute handler chose which unprotected disputed cells are refunded; protected cells are paid. */
    DECIDED_BY_HANDLER,
    /**
     * The freelancer did not respond in time: the protection rules decided. Unprotected disputed cells are
     * refunded, protected ones paid.
     */
    DECIDED_BY_RULES
}
