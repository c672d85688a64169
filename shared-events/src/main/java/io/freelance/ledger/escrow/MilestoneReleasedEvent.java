package io.freelance.ledger.escrow;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.MoneyMovement;
import java.time.Instant;

/**
 * Escrow paid the freelancer for the milestone (less the service fee) into their pending balance,
 * available after the security period. {@code remainderInEscrow} stays in escrow for the next
 * milestone or a refund at contract end.
 */
public record MilestoneReleasedEvent(
        String escrowAccountId,
        String contractId,
        String milestoneId,
        String freelancerId,
        ReleaseReason reason,
        String requestId,
        Money releasedAmount,
        Money serviceFee,
        Money remainderInEscrow,
        String note,
        JournalEntry journalEntry,
        Instant releasedAt,
        Instant availableAt) implements MoneyMovement {
}
