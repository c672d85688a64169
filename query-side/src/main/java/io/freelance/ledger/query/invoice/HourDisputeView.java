package io.freelance.ledger.query.invoice;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.dispute.HourDisputeOpenedEvent;
import io.freelance.ledger.dispute.HourDisputeRespondedEvent;
import io.freelance.ledger.dispute.HourDisputeResponse;
import io.freelance.ledger.dispute.HourDisputeSettledEvent;
import io.freelance.ledger.invoice.InvoicedCell;
import java.time.Instant;
import java.util.List;

/**
 * The client's dispute over an invoice's hours: the disputed cells with their protection, the reason, the
 * freelancer's answer and how it was settled. Kept in the invoice's document: the dispute's events are on the
 * invoice's stream, so one version says how far both have been applied.
 *
 * @param response   null until the freelancer answers
 * @param settlement null until settled
 */
public record HourDisputeView(
        String id,
        List<InvoicedCell> cells,
        Money disputedAmount,
        Money protectedAmount,
        String reason,
        Instant disputedAt,
        Instant responseDueAt,
        HourDisputeResponse response,
        String responseNote,
        Instant respondedAt,
        HourDisputeSettlement settlement) {

    public HourDisputeView {
        cells = List.copyOf(cells);
    }

    static HourDisputeView opened(HourDisputeOpenedEvent event) {
        return new HourDisputeView(event.disputeId(), event.disputedCells(), event.disputedAmount(),
                event.protectedAmount(), event.reason(), event.disputedAt(), event.responseDueAt(), null, null, null, null);
    }

    HourDisputeView responded(HourDisputeRespondedEvent event) {
        return new HourDisputeView(id, cells, disputedAmount, protectedAmount, reason, disputedAt, responseDueAt,
                event.response(), event.note(), event.respondedAt(), settlement);
    }

    HourDisputeView settled(HourDisputeSettledEvent event) {
        return new HourDisputeView(id, cells, disputedAmount, protectedAmount, reason, disputedAt, responseDueAt,
                response, responseNote, respondedAt, HourDisputeSettlement.of(event));
    }
}
