package io.freelance.ledger.escrow;

import io.freelance.ledger.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The client approves a milestone and releases {@code releaseAmount} (null: the whole deposit), plus an
 * optional bonus charged separately. A retry with the same {@code requestId} pays nothing again.
 */
public record ApproveMilestoneCommand(
        @TargetAggregateIdentifier String escrowAccountId,
        String milestoneId,
        Money releaseAmount,
        Money bonus,
        String note,
        String requestId) {
}
