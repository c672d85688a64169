package io.freelance.ledger.dispute;

import io.freelance.ledger.common.Role;
import java.time.Instant;

/**
 * The dispute is settled on {@code terms}; the escrow account moves the money in the same unit of work (its
 * EscrowDisputeSettledEvent carries the journal entry) and the contract resumes unless another dispute holds it.
 *
 * @param decidedBy the handler, the accepting party (both accepted a proposal) or the service (no response)
 */
public record DisputeSettledEvent(
        String disputeId,
        String contractId,
        DisputeResolution resolution,
        DisputeTerms terms,
        String decidedBy,
        Role decidedByRole,
        String note,
        Instant settledAt) {
}
