package io.freelance.ledger.escrow;

public enum ReleaseReason {
    APPROVED_BY_CLIENT,
    /** The client took no action within the review period after a submission. */
    AUTO_RELEASED
}
