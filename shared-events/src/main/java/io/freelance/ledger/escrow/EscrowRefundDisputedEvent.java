package io.freelance.ledger.escrow;

import io.freelance.ledger.common.Money;
import java.time.Instant;

/** The freelancer disputes the refund; the money stays in escrow until the dispute desk decides. */
public record EscrowRefundDisputedEvent(
        String escrowAccountId,
        String contractId,
        String freelancerId,
        Money amount,
        String reason,
        Instant disputedAt) {
}
