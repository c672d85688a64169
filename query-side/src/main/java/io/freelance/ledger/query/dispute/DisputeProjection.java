package io.freelance.ledger.query.dispute;

import io.freelance.ledger.dispute.DisputeOpenedEvent;
import io.freelance.ledger.dispute.DisputeProposalAcceptedEvent;
import io.freelance.ledger.dispute.DisputeProposalLapsedEvent;
import io.freelance.ledger.dispute.DisputeProposalRejectedEvent;
import io.freelance.ledger.dispute.DisputeRespondedEvent;
import io.freelance.ledger.dispute.DisputeSettledEvent;
import io.freelance.ledger.dispute.DisputeSettlementProposedEvent;
import io.freelance.ledger.dispute.HourDisputeOpenedEvent;
import io.freelance.ledger.dispute.HourDisputeRespondedEvent;
import io.freelance.ledger.dispute.HourDisputeSettledEvent;
import io.freelance.ledger.invoice.InvoicePaidEvent;
import io.freelance.ledger.query.readstore.Versioned;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * The dispute desk's read model: the Dispute aggregate's events, and the hour-dispute events of invoices, into
 * one {@code disputes} document per dispute, so the desk's queue holds both kinds. Each event is applied to the
 * stored dispute in memory and written back under the event's version (an hour dispute's is its invoice's), so a
 * repeated event is skipped. A processing group of its own: the desk never waits behind contracts or the ledger.
 */
@Component
@ProcessingGroup(DisputeProjection.PROCESSING_GROUP)
public class DisputeProjection {

    public static final String PROCESSING_GROUP = "dispute-projection";

    private final DisputeStore store;

    public DisputeProjection(DisputeStore store) {
        this.store = store;
    }

    @EventHandler
    public void on(DisputeOpenedEvent event, @SequenceNumber long sequenceNumber) {
        store.opened(DisputeView.opened(event), sequenceNumber);
    }

    @EventHandler
    public void on(DisputeRespondedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.disputeId(), sequenceNumber, dispute -> dispute.responded(event));
    }

    @EventHandler
    public void on(DisputeSettlementProposedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.disputeId(), sequenceNumber, dispute -> dispute.proposed(event));
    }

    @EventHandler
    public void on(DisputeProposalAcceptedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.disputeId(), sequenceNumber, dispute -> dispute.proposalAccepted(event));
    }

    @EventHandler
    public void on(DisputeProposalRejectedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.disputeId(), sequenceNumber, dispute -> dispute.proposalEnded(ProposalStatus.REJECTED));
    }

    @EventHandler
    public void on(DisputeProposalLapsedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.disputeId(), sequenceNumber, dispute -> dispute.proposalEnded(ProposalStatus.LAPSED));
    }

    @EventHandler
    public void on(DisputeSettledEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.disputeId(), sequenceNumber, dispute -> dispute.settled(event));
    }

    // Hour disputes live in their invoice; the desk lists and decides them too.

    @EventHandler
    public void on(HourDisputeOpenedEvent event, @SequenceNumber long sequenceNumber) {
        store.opened(DisputeView.hoursDisputed(event), sequenceNumber);
    }

    @EventHandler
    public void on(HourDisputeRespondedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.disputeId(), sequenceNumber, dispute -> dispute.hoursResponded(event));
    }

    @EventHandler
    public void on(HourDisputeSettledEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.disputeId(), sequenceNumber, dispute -> dispute.hoursSettled(event));
    }

    /**
     * A settlement can pay the invoice in the same unit of work; the decision answers the invoice's version after
     * the payment, so the dispute's version moves on with it and a waiting mutation is not left hanging.
     */
    @EventHandler
    public void on(InvoicePaidEvent event, @SequenceNumber long sequenceNumber) {
        if (event.disputeId() != null && store.find(event.disputeId()).isPresent()) {
            apply(event.disputeId(), sequenceNumber, UnaryOperator.identity());
        }
    }

    /** A replay rebuilds the collections from the first event; stale versions would make it skip everything. */
    @ResetHandler
    public void onReset() {
        store.deleteAll();
    }

    private void apply(String disputeId, long sequenceNumber, UnaryOperator<DisputeView> transition) {
        Versioned.next(store.find(disputeId), sequenceNumber, transition,
                        () -> new IllegalStateException("Dispute event " + sequenceNumber + " for dispute " + disputeId
                                + " before the dispute opened"))
                .ifPresent(next -> store.write(sequenceNumber, next));
    }
}
