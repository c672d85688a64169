package io.freelance.ledger.dispute;

/** What a dispute at the desk is about. */
public enum DisputeKind {
    /** The freelancer disputes the refund of escrow the client asked for at contract end. */
    REFUND,
    /** The freelancer claims a submitted milestone is owed but was not released. */
    MILESTONE,
    /** The client disputes hours of a weekly invoice (decided through the invoice, see DecideHourDisputeCommand). */
    HOURS
}
