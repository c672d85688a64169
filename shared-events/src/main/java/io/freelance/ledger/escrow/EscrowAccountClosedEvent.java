package io.freelance.ledger.escrow;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import java.time.Instant;

/** The contract ended; nothing more can be funded. {@code heldAmount} was still in escrow. */
public record EscrowAccountClosedEvent(
        String escrowAccountId,
        String contractId,
        String endedBy,
        Role endedByRole,
        Money heldAmount,
        Instant closedAt) {
}
