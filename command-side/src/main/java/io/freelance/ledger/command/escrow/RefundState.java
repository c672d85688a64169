package io.freelance.ledger.command.escrow;

/** Where the money left in escrow at contract end stands. */
enum RefundState {
    NONE,
    REQUESTED,
    DISPUTED,
    REFUNDED,
    /** The dispute desk settled the disputed refund. */
    SETTLED_BY_DISPUTE
}
