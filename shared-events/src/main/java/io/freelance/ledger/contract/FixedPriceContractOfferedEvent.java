package io.freelance.ledger.contract;

import java.time.Instant;
import java.util.List;

public record FixedPriceContractOfferedEvent(
        String contractId,
        String clientId,
        String freelancerId,
        String title,
        String currency,
        List<MilestoneTerms> milestones,
        Instant offeredAt) {
}
