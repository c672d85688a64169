package io.freelance.ledger.dispute;

import java.time.Instant;

/**
 * A dispute of the contract opened. {@code contractPaused}: the contract was active and the service paused it
 * for this dispute; false when the contract was already paused (by an earlier dispute or a dispute handler) or
 * no longer running.
 */
public record ContractDisputeOpenedEvent(
        String contractDisputesId,
        String contractId,
        String disputeId,
        String invoiceId,
        boolean contractPaused,
        Instant openedAt) {
}
