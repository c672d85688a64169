package io.freelance.ledger.command.invoice;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.invoice.InvoicedCell;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The service invoices one locked week of an hourly contract. The Work Diary issues it when the week locks,
 * constructing the invoice in its own unit of work ({@code AggregateLifecycle.createNew}), so the lock and the
 * invoice commit together; no one else sends it, which is why it lives on the command side and not in the
 * shared message contract. It is a command all the same, so the invoice's fixture tests issue invoices the
 * way the service does, with their deadlines.
 *
 * @param cells         the billable cells (tracked and manual, within the weekly limit), with their protection
 * @param overtimeCells the week's cells above the limit, not billed: recorded on the invoice for its reader
 */
public record IssueInvoiceCommand(
        @TargetAggregateIdentifier String invoiceId,
        String contractId,
        String clientId,
        String freelancerId,
        String workDiaryId,
        LocalDate weekStart,
        Money hourlyRate,
        List<InvoicedCell> cells,
        int overtimeCells) {

    public IssueInvoiceCommand {
        cells = List.copyOf(cells);
    }
}
