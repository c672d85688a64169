package io.freelance.ledger.escrow;

import java.time.Instant;

public record MilestoneChangesRequestedEvent(
        String escrowAccountId,
        String contractId,
        String milestoneId,
        String message,
        Instant requestedAt) {
}
