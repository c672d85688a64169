package io.freelance.ledger.dispute;

import java.time.Instant;

/**
 * A dispute of the contract was settled. {@code contractResumed}: it was the last open one and the service
 * resumed the contract it had paused; {@code disputesStillOpen} counts the contract's other open disputes.
 */
public record ContractDisputeClosedEvent(
        String contractDisputesId,
        String contractId,
        String disputeId,
        boolean contractResumed,
        int disputesStillOpen,
        Instant closedAt) {
}
