package io.freelance.ledger.escrow;

import io.freelance.ledger.common.Money;
import java.time.Instant;

/** At contract end the client asks for the escrow back; refunded at {@code refundDueAt} unless disputed. */
public record EscrowRefundRequestedEvent(
        String escrowAccountId,
        String contractId,
        Money amount,
        String requestedBy,
        Instant requestedAt,
        Instant refundDueAt) {
}
