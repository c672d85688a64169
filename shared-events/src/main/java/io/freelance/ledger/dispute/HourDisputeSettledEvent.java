package io.freelance.ledger.dispute;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.MoneyMovement;
import java.time.Instant;
import java.util.List;

/**
 * An hour dispute is settled: {@code refundedCells} go back to the client, {@code paidCells} are paid with the
 * rest of the invoice. The refund, with the marketplace fee charged on it, leaves escrow for the client's
 * refunds; {@code journalEntry} is null when nothing is refunded. What remains follows the invoice's normal
 * payment: at once when the review window is over, otherwise when it ends or the client approves.
 *
 * @param decidedBy              who settled it: the freelancer (accepting), a dispute handler, or the service (the rules)
 * @param refundedAmount         refunded cells × rate, rounded once
 * @param marketplaceFeeRefunded the client's marketplace fee on {@code refundedAmount}, refunded with it
 * @param remainingAmount        what stays in escrow for the freelancer: the invoice's amount less {@code refundedAmount}
 */
public record HourDisputeSettledEvent(
        String invoiceId,
        String disputeId,
        String contractId,
        String clientId,
        String freelancerId,
        HourDisputeOutcome outcome,
        String decidedBy,
        Role decidedByRole,
        String note,
        List<Instant> refundedCells,
        List<Instant> paidCells,
        Money refundedAmount,
        Money marketplaceFeeRefunded,
        Money remainingAmount,
        JournalEntry journalEntry,
        Instant settledAt) implements MoneyMovement {

    public HourDisputeSettledEvent {
        refundedCells = List.copyOf(refundedCells);
        paidCells = List.copyOf(paidCells);
    }
}
