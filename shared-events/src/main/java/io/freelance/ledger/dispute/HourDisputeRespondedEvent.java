package io.freelance.ledger.dispute;

import java.time.Instant;

/** The freelancer answered an hour dispute; {@code note} is required when contesting, optional otherwise. */
public record HourDisputeRespondedEvent(
        String invoiceId,
        String disputeId,
        String contractId,
        String freelancerId,
        HourDisputeResponse response,
        String note,
        Instant respondedAt) {
}
