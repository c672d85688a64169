package io.freelance.ledger.query.dispute;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.dispute.DisputeOutcome;
import io.freelance.ledger.dispute.DisputeResolution;
import java.time.Instant;

/**
 * How a dispute was settled: {@code releaseAmount} went to the freelancer (before the service fee),
 * {@code refundAmount} back to the client.
 */
public record DisputeSettlementView(DisputeResolution resolution, DisputeOutcome outcome, Money releaseAmount,
                                    Money refundAmount, String decidedBy, Role decidedByRole, String note,
                                    Instant settledAt) {
}
