package io.freelance.ledger.dispute;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A dispute handler settles a contested hour dispute: {@code refundedCellDateTimes} are the disputed cells
 * refunded to the client (none of them protected: protected time is always paid); every other disputed cell
 * is paid. An empty list pays every disputed cell. The same decision again changes nothing.
 */
public record DecideHourDisputeCommand(
        @TargetAggregateIdentifier String invoiceId,
        List<Instant> refundedCellDateTimes,
        String note) {
}
