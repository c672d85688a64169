package io.freelance.ledger.escrow;

import io.freelance.ledger.common.Money;
import java.time.Instant;

/** The freelancer disputed a submitted milestone: {@code amount} is held in escrow until the dispute is settled. */
public record MilestoneDisputedEvent(
        String escrowAccountId,
        String contractId,
        String milestoneId,
        String disputeId,
        String freelancerId,
        Money amount,
        String reason,
        Instant disputedAt) {
}
