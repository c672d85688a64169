package io.freelance.ledger.escrow;

import io.freelance.ledger.common.Money;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes an unfunded milestone; a null field keeps its current value. */
public record EditMilestoneCommand(
        @TargetAggregateIdentifier String escrowAccountId,
        String milestoneId,
        String description,
        Money depositAmount,
        LocalDate dueDate) {
}
