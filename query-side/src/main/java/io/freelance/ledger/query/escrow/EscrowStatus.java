package io.freelance.ledger.query.escrow;

public enum EscrowStatus {
    OPEN,
    /** The contract ended: nothing more can be funded. */
    CLOSED
}
