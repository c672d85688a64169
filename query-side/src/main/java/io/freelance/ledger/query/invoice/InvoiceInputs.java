package io.freelance.ledger.query.invoice;

import io.freelance.ledger.dispute.HourDisputeResponse;
import java.time.OffsetDateTime;
import java.util.List;

/** The input objects of the invoice and hour-dispute mutations, as the schema declares them. */
public final class InvoiceInputs {

    private InvoiceInputs() {
    }

    public record ApproveInvoiceInput(String invoiceId) {
    }

    public record DisputeInvoiceHoursInput(String invoiceId, List<OffsetDateTime> cellDateTimes, String reason) {
    }

    public record RespondToHourDisputeInput(String invoiceId, HourDisputeResponse response, String note) {
    }

    public record DecideHourDisputeInput(String invoiceId, List<OffsetDateTime> refundedCellDateTimes, String note) {
    }
}
