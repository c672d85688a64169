package io.freelance.ledger.query.escrow;

public enum RefundStatus {
    /** The client asked for the escrow back; refunded at the due time unless the freelancer disputes. */
    REQUESTED,
    DISPUTED,
    REFUNDED,
    /** The freelancer disputed the refund and the dispute desk decided who gets what: see the refunded and released amounts. */
    SETTLED
}
