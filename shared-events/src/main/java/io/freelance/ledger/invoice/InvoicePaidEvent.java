package io.freelance.ledger.invoice;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.MoneyMovement;
import java.time.Instant;

/**
 * The invoice's held amount, less any refund a dispute decided, leaves escrow for the freelancer's pending
 * balance, less the service fee; it becomes available at {@code availableAt}, after the security period.
 *
 * @param disputeId        the dispute whose ruling this payment follows, null when the invoice was not disputed
 * @param amount           what left escrow
 * @param paidToFreelancer {@code amount} less {@code serviceFee}: what entered the pending balance
 */
public record InvoicePaidEvent(
        String invoiceId,
        String contractId,
        String freelancerId,
        String disputeId,
        InvoicePaymentReason reason,
        Money amount,
        Money serviceFee,
        Money paidToFreelancer,
        JournalEntry journalEntry,
        Instant paidAt,
        Instant availableAt) implements MoneyMovement {
}
