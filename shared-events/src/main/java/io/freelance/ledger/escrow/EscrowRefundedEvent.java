package io.freelance.ledger.escrow;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.MoneyMovement;
import java.time.Instant;
import java.util.List;

/** Money held in escrow went back to the client; {@code milestoneIds} are the funded milestones it covered. */
public record EscrowRefundedEvent(
        String escrowAccountId,
        String contractId,
        String clientId,
        List<String> milestoneIds,
        Money amount,
        RefundReason reason,
        JournalEntry journalEntry,
        Instant refundedAt) implements MoneyMovement {
}
