package io.freelance.ledger.dispute;

import io.freelance.ledger.common.Money;

/**
 * A settlement as money: what goes to the freelancer and what goes back to the client. The two add up to the
 * disputed amount; the outcome says how the handler put it (release, refund, or a split).
 */
public record DisputeTerms(DisputeOutcome outcome, Money releaseAmount, Money refundAmount) {
}
