package io.freelance.ledger.command.invoice;

import io.freelance.ledger.dispute.HourDisputeOpenedEvent;
import io.freelance.ledger.dispute.HourDisputeOutcome;
import io.freelance.ledger.dispute.HourDisputeResponse;
import io.freelance.ledger.dispute.HourDisputeRespondedEvent;
import io.freelance.ledger.dispute.HourDisputeSettledEvent;
import io.freelance.ledger.invoice.InvoicedCell;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The dispute over an invoice's hours, as far as the invoice needs it: which cells, the freelancer's answer,
 * and how it was settled. Each transition returns a new value; the invoice keeps the latest.
 *
 * @param cells         the disputed cells by time, with their protection as invoiced
 * @param response      null until the freelancer answers
 * @param outcome       null until settled
 * @param refundedCells empty until settled
 */
record HourDispute(String disputeId, Map<Instant, InvoicedCell> cells, String reason, Instant responseDueAt,
                   HourDisputeResponse response, String responseNote, HourDisputeOutcome outcome,
                   List<Instant> refundedCells) {

    static HourDispute opened(HourDisputeOpenedEvent event) {
        Map<Instant, InvoicedCell> cells = new TreeMap<>();
        event.disputedCells().forEach(cell -> cells.put(cell.cellDateTime(), cell));
        return new HourDispute(event.disputeId(), cells, event.reason(), event.responseDueAt(), null, null, null, List.of());
    }

    HourDispute responded(HourDisputeRespondedEvent event) {
        return new HourDispute(disputeId, cells, reason, responseDueAt, event.response(), event.note(), outcome,
                refundedCells);
    }

    HourDispute settled(HourDisputeSettledEvent event) {
        return new HourDispute(disputeId, cells, reason, responseDueAt, response, responseNote, event.outcome(),
                event.refundedCells());
    }

    boolean isSettled() {
        return outcome != null;
    }

    boolean awaitsResponse() {
        return response == null && !isSettled();
    }

    /** The same cells with the same reason: a retry of the dispute that opened it. */
    boolean isRepeatOf(List<Instant> requestedCells, String requestedReason) {
        return List.copyOf(cells.keySet()).equals(requestedCells) && reason.equals(requestedReason);
    }

    boolean isRepeatOf(HourDisputeResponse requestedResponse, String note) {
        return response == requestedResponse && Objects.equals(responseNote, note);
    }

    boolean wasDecidedByHandlerAs(List<Instant> requestedRefund) {
        return outcome == HourDisputeOutcome.DECIDED_BY_HANDLER && refundedCells.equals(requestedRefund);
    }

    List<Instant> cellTimes() {
        return List.copyOf(cells.keySet());
    }

    /** What the protection rules refund: every disputed cell that is not protected. */
    List<Instant> unprotectedCells() {
        return cells.values().stream().filter(cell -> !cell.isProtected()).map(InvoicedCell::cellDateTime).toList();
    }
}
