package io.freelance.ledger.escrow;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.MoneyMovement;
import java.time.Instant;

/** A bonus on approval, charged to the client separately from escrow. */
public record BonusPaidEvent(
        String escrowAccountId,
        String contractId,
        String milestoneId,
        String freelancerId,
        Money bonus,
        Money serviceFee,
        Money marketplaceFee,
        JournalEntry journalEntry,
        Instant paidAt,
        Instant availableAt) implements MoneyMovement {
}
