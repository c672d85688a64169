package io.freelance.ledger.invoice;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.MoneyMovement;
import java.time.Instant;

/**
 * The security period after an invoice's payment is over: the payment moves from the freelancer's pending
 * to the available balance. {@code paymentEntryId} is the entry of the payment it follows.
 */
public record InvoiceFundsAvailableEvent(
        String invoiceId,
        String contractId,
        String freelancerId,
        String paymentEntryId,
        Money amount,
        JournalEntry journalEntry,
        Instant availableAt) implements MoneyMovement {
}
