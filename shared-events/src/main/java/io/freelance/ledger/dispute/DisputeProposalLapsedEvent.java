package io.freelance.ledger.dispute;

import java.time.Instant;

/** Not both parties accepted the proposal within the answer window: it is off the table. */
public record DisputeProposalLapsedEvent(String disputeId, String contractId, int proposalNumber, Instant lapsedAt) {
}
