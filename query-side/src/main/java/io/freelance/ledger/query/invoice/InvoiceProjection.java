package io.freelance.ledger.query.invoice;

import io.freelance.ledger.dispute.HourDisputeOpenedEvent;
import io.freelance.ledger.dispute.HourDisputeRespondedEvent;
import io.freelance.ledger.dispute.HourDisputeSettledEvent;
import io.freelance.ledger.invoice.InvoiceFundsAvailableEvent;
import io.freelance.ledger.invoice.InvoiceIssuedEvent;
import io.freelance.ledger.invoice.InvoicePaidEvent;
import io.freelance.ledger.query.readstore.Versioned;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * The Invoice aggregate's events, its hour dispute's included, into its {@code invoices} document. Each
 * event is applied to the stored invoice in memory and written back under the event's version, so a
 * repeated event is skipped. A processing group of its own: invoices are issued by the weekly deadlines
 * and never wait behind contracts, milestones or the ledger (the ledger projection books their journal
 * entries from the same events).
 */
@Component
@ProcessingGroup(InvoiceProjection.PROCESSING_GROUP)
public class InvoiceProjection {

    public static final String PROCESSING_GROUP = "invoice-projection";

    private final InvoiceStore store;

    public InvoiceProjection(InvoiceStore store) {
        this.store = store;
    }

    @EventHandler
    public void on(InvoiceIssuedEvent event, @SequenceNumber long sequenceNumber) {
        store.issued(InvoiceView.issued(event), sequenceNumber);
    }

    @EventHandler
    public void on(HourDisputeOpenedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.invoiceId(), sequenceNumber, invoice -> invoice.disputeOpened(event));
    }

    @EventHandler
    public void on(HourDisputeRespondedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.invoiceId(), sequenceNumber, invoice -> invoice.disputeResponded(event));
    }

    @EventHandler
    public void on(HourDisputeSettledEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.invoiceId(), sequenceNumber, invoice -> invoice.disputeSettled(event));
    }

    @EventHandler
    public void on(InvoicePaidEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.invoiceId(), sequenceNumber, invoice -> invoice.paid(event));
    }

    @EventHandler
    public void on(InvoiceFundsAvailableEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.invoiceId(), sequenceNumber, invoice -> invoice.fundsAvailable(event));
    }

    /** A replay rebuilds the collection from the first event; stale versions would make it skip everything. */
    @ResetHandler
    public void onReset() {
        store.deleteAll();
    }

    private void apply(String invoiceId, long sequenceNumber, UnaryOperator<InvoiceView> transition) {
        Versioned.next(store.find(invoiceId), sequenceNumber, transition,
                        () -> new IllegalStateException("Invoice event " + sequenceNumber + " for invoice " + invoiceId
                                + " before the invoice was issued"))
                .ifPresent(next -> store.write(sequenceNumber, next));
    }
}
