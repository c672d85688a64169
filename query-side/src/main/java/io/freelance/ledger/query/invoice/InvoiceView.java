package io.freelance.ledger.query.invoice;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.dispute.HourDisputeOpenedEvent;
import io.freelance.ledger.dispute.HourDisputeRespondedEvent;
import io.freelance.ledger.dispute.HourDisputeSettledEvent;
import io.freelance.ledger.invoice.InvoiceFundsAvailableEvent;
import io.freelance.ledger.invoice.InvoiceIssuedEvent;
import io.freelance.ledger.invoice.InvoiceLine;
import io.freelance.ledger.invoice.InvoicePaidEvent;
import io.freelance.ledger.invoice.InvoiceStatus;
import io.freelance.ledger.invoice.InvoicedCell;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One weekly invoice as its parties, finance and dispute handlers read it: the billed week, what the client
 * was charged, where the invoice stands, its payment and its hour dispute. Immutable: each event of the
 * Invoice aggregate gives a new view through the transition named after it, following the aggregate's own
 * status changes (a settled dispute leaves the rest of the invoice in review until it is paid).
 *
 * @param lines   the billed time per UTC day; their amounts add up to {@code amount}
 * @param cells   every billed cell with its protection as the locked week had it
 * @param payment null until the invoice is paid
 * @param dispute null unless the client disputed hours
 */
public record InvoiceView(
        String id,
        String number,
        String contractId,
        String clientId,
        String freelancerId,
        String workDiaryId,
        LocalDate weekStart,
        Instant periodStart,
        Instant periodEnd,
        Money hourlyRate,
        int billableCells,
        BigDecimal billableHours,
        int overtimeCells,
        List<InvoiceLine> lines,
        List<InvoicedCell> cells,
        Money amount,
        Money marketplaceFee,
        Money totalCharged,
        InvoiceStatus status,
        Instant issuedAt,
        Instant reviewEndsAt,
        InvoicePayment payment,
        HourDisputeView dispute) {

    public InvoiceView {
        lines = List.copyOf(lines);
        cells = List.copyOf(cells);
    }

    static InvoiceView issued(InvoiceIssuedEvent event) {
        return new InvoiceView(event.invoiceId(), event.invoiceNumber(), event.contractId(), event.clientId(),
                event.freelancerId(), event.workDiaryId(), event.weekStart(), event.periodStart(), event.periodEnd(),
                event.hourlyRate(), event.billableCells(), event.billableHours(), event.overtimeCells(), event.lines(),
                event.cells(), event.amount(), event.marketplaceFee(), event.totalCharged(), InvoiceStatus.IN_REVIEW,
                event.issuedAt(), event.reviewEndsAt(), null, null);
    }

    InvoiceView disputeOpened(HourDisputeOpenedEvent event) {
        return with(InvoiceStatus.DISPUTED, payment, HourDisputeView.opened(event));
    }

    InvoiceView disputeResponded(HourDisputeRespondedEvent event) {
        return with(status, payment, dispute.responded(event));
    }

    /** Everything refunded ends the invoice; otherwise the rest waits, in review, for its payment. */
    InvoiceView disputeSettled(HourDisputeSettledEvent event) {
        InvoiceStatus next = event.remainingAmount().isZero() ? InvoiceStatus.REFUNDED : InvoiceStatus.IN_REVIEW;
        return with(next, payment, dispute.settled(event));
    }

    InvoiceView paid(InvoicePaidEvent event) {
        return with(InvoiceStatus.PAID, InvoicePayment.paid(event), dispute);
    }

    InvoiceView fundsAvailable(InvoiceFundsAvailableEvent event) {
        return with(InvoiceStatus.AVAILABLE, payment.madeAvailable(event.availableAt()), dispute);
    }

    /** What went back to the client after a dispute; zero when nothing did. */
    public Money refundedAmount() {
        return dispute == null || dispute.settlement() == null
                ? Money.zero(amount.currency()) : dispute.settlement().refundedAmount();
    }

    public boolean hasParty(String userId) {
        return clientId.equals(userId) || freelancerId.equals(userId);
    }

    private InvoiceView with(InvoiceStatus newStatus, InvoicePayment newPayment, HourDisputeView newDispute) {
        return new InvoiceView(id, number, contractId, clientId, freelancerId, workDiaryId, weekStart, periodStart,
                periodEnd, hourlyRate, billableCells, billableHours, overtimeCells, lines, cells, amount, marketplaceFee,
                totalCharged, newStatus, issuedAt, reviewEndsAt, newPayment, newDispute);
    }
}
