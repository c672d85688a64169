package io.freelance.ledger.dispute;

import io.freelance.ledger.common.Role;
import java.time.Instant;

/** The other party answered; {@code statement} is null only when they conceded without one. */
public record DisputeRespondedEvent(
        String disputeId,
        String contractId,
        String respondedBy,
        Role respondedByRole,
        DisputeResponse response,
        String statement,
        Instant respondedAt) {
}
