package io.freelance.ledger.invoice;

/**
 * Where a weekly invoice stands (DESIGN §4 hourly protection). A dispute that refunds some hours leaves the
 * rest to be paid: such an invoice goes on to {@code PAID} and {@code AVAILABLE} with a refunded amount;
 * {@code REFUNDED} is an invoice whose every billed hour went back to the client.
 */
public enum InvoiceStatus {
    /** Issued and charged to the client, the amount held in escrow; the client may approve or dispute until Friday 23:59:59 UTC. */
    IN_REVIEW,
    /** The client disputed hours: payment waits for the dispute's outcome. */
    DISPUTED,
    /** Paid into the freelancer's pending balance, less the service fee; the security period runs. */
    PAID,
    /** The security period is over: the payment is in the freelancer's available balance. */
    AVAILABLE,
    /** Every billed hour was refunded to the client after a dispute; nothing is paid. */
    REFUNDED
}
