package io.freelance.ledger.escrow;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.MoneyMovement;
import java.time.Instant;
import java.util.List;

/**
 * The escrow paid out a dispute's settlement in one journal entry whose cause names the dispute: the freelancer's
 * pending balance receives {@code releasedAmount} less {@code serviceFee} (available after {@code availableAt}),
 * the client's refunds {@code refundedAmount}. {@code milestoneIds} are the milestones the disputed money covered.
 */
public record EscrowDisputeSettledEvent(
        String escrowAccountId,
        String contractId,
        String disputeId,
        String clientId,
        String freelancerId,
        List<String> milestoneIds,
        Money releasedAmount,
        Money serviceFee,
        Money refundedAmount,
        JournalEntry journalEntry,
        Instant settledAt,
        Instant availableAt) implements MoneyMovement {

    public EscrowDisputeSettledEvent {
        milestoneIds = List.copyOf(milestoneIds);
    }
}
