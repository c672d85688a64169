package io.freelance.ledger.dispute;

import java.time.Instant;

/** A dispute handler proposed a settlement; both parties answer by {@code answerDueAt} or it lapses. */
public record DisputeSettlementProposedEvent(
        String disputeId,
        String contractId,
        int proposalNumber,
        DisputeTerms terms,
        String note,
        String proposedBy,
        Instant proposedAt,
        Instant answerDueAt) {
}
