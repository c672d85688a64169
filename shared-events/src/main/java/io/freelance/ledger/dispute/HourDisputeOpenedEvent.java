package io.freelance.ledger.dispute;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.invoice.InvoicedCell;
import java.time.Instant;
import java.util.List;

/**
 * The client disputed cells of a weekly invoice: its payment waits, the contract is paused, and the freelancer
 * has until {@code responseDueAt} to respond. Recorded on the invoice's stream.
 *
 * @param disputedCells   the disputed cells, in time order, with their protection as invoiced
 * @param disputedAmount  what the disputed cells cost (cells × rate, rounded once)
 * @param protectedAmount what the protected ones among them cost: paid whatever the client says, unless the
 *                        freelancer accepts the refund
 */
public record HourDisputeOpenedEvent(
        String invoiceId,
        String disputeId,
        String contractId,
        String clientId,
        String freelancerId,
        List<InvoicedCell> disputedCells,
        Money disputedAmount,
        Money protectedAmount,
        String reason,
        Instant disputedAt,
        Instant responseDueAt) {

    public HourDisputeOpenedEvent {
        disputedCells = List.copyOf(disputedCells);
    }
}
