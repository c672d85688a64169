package io.freelance.ledger.escrow;

import java.time.Instant;

/** Work submitted for review; without client action it is released at {@code autoReleaseAt}. */
public record MilestoneSubmittedEvent(
        String escrowAccountId,
        String contractId,
        String milestoneId,
        int submissionNumber,
        String note,
        Instant submittedAt,
        Instant autoReleaseAt) {
}
