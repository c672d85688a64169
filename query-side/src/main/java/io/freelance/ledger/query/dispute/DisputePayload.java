package io.freelance.ledger.query.dispute;

/**
 * What every dispute mutation returns: the dispute as it is after the change. {@code pending} is true when the
 * change was recorded but the read model did not show it within the wait; {@code dispute} is then the dispute as
 * last seen, never passed off as the result.
 */
public record DisputePayload(String disputeId, DisputeView dispute, boolean pending) {
}
