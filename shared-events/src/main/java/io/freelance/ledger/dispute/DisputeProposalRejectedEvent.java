package io.freelance.ledger.dispute;

import io.freelance.ledger.common.Role;
import java.time.Instant;

/** A party rejected the proposal: it is off the table and the dispute goes back to the handler. */
public record DisputeProposalRejectedEvent(
        String disputeId,
        String contractId,
        int proposalNumber,
        String rejectedBy,
        Role rejectedByRole,
        String reason,
        Instant rejectedAt) {
}
