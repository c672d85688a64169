package io.freelance.ledger.dispute;

import io.freelance.ledger.common.Role;
import java.time.Instant;

/** One party accepted the proposal; when both have, the dispute is settled on its terms. */
public record DisputeProposalAcceptedEvent(
        String disputeId,
        String contractId,
        int proposalNumber,
        String acceptedBy,
        Role acceptedByRole,
        Instant acceptedAt) {
}
