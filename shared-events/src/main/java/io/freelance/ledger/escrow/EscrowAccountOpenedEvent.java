package io.freelance.ledger.escrow;

import io.freelance.ledger.contract.MilestoneTerms;
import java.time.Instant;
import java.util.List;

public record EscrowAccountOpenedEvent(
        String escrowAccountId,
        String contractId,
        String clientId,
        String freelancerId,
        String currency,
        List<MilestoneTerms> milestones,
        Instant openedAt) {
}
