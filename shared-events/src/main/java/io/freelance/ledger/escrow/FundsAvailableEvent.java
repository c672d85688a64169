package io.freelance.ledger.escrow;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.MoneyMovement;
import java.time.Instant;

/** The security period of a payment ended: it moves from the freelancer's pending to available balance. */
public record FundsAvailableEvent(
        String escrowAccountId,
        String contractId,
        String freelancerId,
        String paymentEntryId,
        Money amount,
        JournalEntry journalEntry,
        Instant availableAt) implements MoneyMovement {
}
