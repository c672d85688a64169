package io.freelance.ledger.query.invoice;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.dispute.HourDisputeOutcome;
import io.freelance.ledger.dispute.HourDisputeSettledEvent;
import java.time.Instant;
import java.util.List;

/**
 * How an hour dispute ended: who decided, which disputed cells went back to the client and which are paid,
 * and the money of it.
 *
 * @param decidedBy       the freelancer accepting, a dispute handler, or the service when the rules decided
 * @param refundedAmount  refunded cells × rate; the marketplace fee on it went back too
 * @param remainingAmount what the invoice still pays the freelancer
 */
public record HourDisputeSettlement(
        HourDisputeOutcome outcome,
        String decidedBy,
        Role decidedByRole,
        String note,
        List<Instant> refundedCells,
        List<Instant> paidCells,
        Money refundedAmount,
        Money marketplaceFeeRefunded,
        Money remainingAmount,
        Instant settledAt) {

    public HourDisputeSettlement {
        refundedCells = List.copyOf(refundedCells);
        paidCells = List.copyOf(paidCells);
    }

    static HourDisputeSettlement of(HourDisputeSettledEvent event) {
        return new HourDisputeSettlement(event.outcome(), event.decidedBy(), event.decidedByRole(), event.note(),
                event.refundedCells(), event.paidCells(), event.refundedAmount(), event.marketplaceFeeRefunded(),
                event.remainingAmount(), event.settledAt());
    }
}
