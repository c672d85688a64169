package io.freelance.ledger.invoice;

/** Why an invoice was paid to the freelancer. */
public enum InvoicePaymentReason {
    /** The client approved it before the review window ended. */
    APPROVED_BY_CLIENT,
    /** The review window ended (Friday 23:59:59 UTC) without an open dispute. */
    REVIEW_PERIOD_ENDED,
    /** A dispute was settled after the review window had ended: what the ruling left is paid at once. */
    DISPUTE_SETTLED
}
