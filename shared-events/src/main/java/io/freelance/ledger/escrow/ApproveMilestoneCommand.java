package io.freelance.ledger.escrow;

import io.freelance.ledger.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The client approves a milestone and releases {@code releaseAmount} (null: the whole deposit), plus an
 * optional bonus charged separately. {@code idempotencyId} stands for the caller's idempotency key: a retry
 * with the same id and the same arguments pays nothing again; the same id with other arguments is refused.
 */
public record ApproveMilestoneCommand(
        @TargetAggregateIdentifier String escrowAccountId,
        String milestoneId,
        Money releaseAmount,
        Money bonus,
        String note,
        String idempotencyId) {
}
