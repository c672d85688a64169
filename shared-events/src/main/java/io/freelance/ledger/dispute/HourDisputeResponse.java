package io.freelance.ledger.dispute;

/** The freelancer's answer to an hour dispute. */
public enum HourDisputeResponse {
    /** The freelancer agrees: every disputed cell is refunded to the client, protected or not. */
    ACCEPT_REFUND,
    /** The freelancer disagrees, with a note: a dispute handler decides. */
    CONTEST
}
