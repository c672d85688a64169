package io.freelance.ledger.dispute;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import java.time.Instant;

/**
 * A fixed-price dispute opened: {@code disputedAmount} stays in escrow, the contract is paused, and the other
 * party has until {@code responseDueAt} to respond. {@code milestoneId} is null for a refund dispute.
 */
public record DisputeOpenedEvent(
        String disputeId,
        DisputeKind kind,
        String contractId,
        String escrowAccountId,
        String milestoneId,
        String clientId,
        String freelancerId,
        String openedBy,
        Role openedByRole,
        Money disputedAmount,
        String reason,
        Instant openedAt,
        Instant responseDueAt) {
}
