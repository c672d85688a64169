package io.freelance.ledger.escrow;

/** A fixed-price milestone's life: NOT_FUNDED → ACTIVE → SUBMITTED ⇄ CHANGES_REQUESTED → RELEASED, or REFUNDED. */
public enum MilestoneStatus {
    NOT_FUNDED,
    ACTIVE,
    SUBMITTED,
    CHANGES_REQUESTED,
    RELEASED,
    REFUNDED;

    /** Funded and not yet settled: money sits in escrow for it. */
    public boolean isFundedAndOpen() {
        return this == ACTIVE || this == SUBMITTED || this == CHANGES_REQUESTED;
    }
}
