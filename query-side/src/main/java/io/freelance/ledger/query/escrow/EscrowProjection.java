package io.freelance.ledger.query.escrow;

import io.freelance.ledger.escrow.BonusPaidEvent;
import io.freelance.ledger.escrow.EscrowAccountClosedEvent;
import io.freelance.ledger.escrow.EscrowAccountOpenedEvent;
import io.freelance.ledger.escrow.EscrowDisputeSettledEvent;
import io.freelance.ledger.escrow.EscrowRefundDisputedEvent;
import io.freelance.ledger.escrow.EscrowRefundRequestedEvent;
import io.freelance.ledger.escrow.EscrowRefundedEvent;
import io.freelance.ledger.escrow.FundsAvailableEvent;
import io.freelance.ledger.escrow.MilestoneAddedEvent;
import io.freelance.ledger.escrow.MilestoneChangesRequestedEvent;
import io.freelance.ledger.escrow.MilestoneDeletedEvent;
import io.freelance.ledger.escrow.MilestoneDisputedEvent;
import io.freelance.ledger.escrow.MilestoneEditedEvent;
import io.freelance.ledger.escrow.MilestoneFundedEvent;
import io.freelance.ledger.escrow.MilestoneReleasedEvent;
import io.freelance.ledger.escrow.MilestoneSubmittedEvent;
import io.freelance.ledger.escrow.MilestonesReorderedEvent;
import io.freelance.ledger.query.contract.ContractProjection;
import io.freelance.ledger.query.readstore.Versioned;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * The EscrowAccount aggregate's events into its {@code escrow_accounts} document. Each event is applied
 * to the stored state in memory and written back under the event's version, so a repeated event is
 * skipped. In the contracts' processing group: a contract and its account are applied in one order.
 */
@Component
@ProcessingGroup(ContractProjection.PROCESSING_GROUP)
public class EscrowProjection {

    private final EscrowStore store;

    public EscrowProjection(EscrowStore store) {
        this.store = store;
    }

    @EventHandler
    public void on(EscrowAccountOpenedEvent event, @SequenceNumber long sequenceNumber) {
        if (store.find(event.escrowAccountId()).isEmpty()) {
            store.write(event.escrowAccountId(), sequenceNumber, EscrowState.opened(event));
        }
    }

    @EventHandler
    public void on(MilestoneAddedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.escrowAccountId(), sequenceNumber, state -> state.milestoneAdded(event.milestone()));
    }

    @EventHandler
    public void on(MilestoneEditedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.escrowAccountId(), sequenceNumber, state -> state.milestoneEdited(event.milestone()));
    }

    @EventHandler
    public void on(MilestoneDeletedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.escrowAccountId(), sequenceNumber, state -> state.milestoneDeleted(event.milestoneId()));
    }

    @EventHandler
    public void on(MilestonesReorderedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.escrowAccountId(), sequenceNumber, state -> state.reordered(event.milestoneIds()));
    }

    @EventHandler
    public void on(MilestoneFundedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.escrowAccountId(), sequenceNumber, state -> state.funded(event));
    }

    @EventHandler
    public void on(MilestoneSubmittedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.escrowAccountId(), sequenceNumber, state -> state.submitted(event));
    }

    @EventHandler
    public void on(MilestoneChangesRequestedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.escrowAccountId(), sequenceNumber, state -> state.changesRequested(event.milestoneId(), event.message()));
    }

    @EventHandler
    public void on(MilestoneReleasedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.escrowAccountId(), sequenceNumber, state -> state.released(event));
    }

    @EventHandler
    public void on(BonusPaidEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.escrowAccountId(), sequenceNumber, state -> state.bonusPaid(event));
    }

    @EventHandler
    public void on(EscrowRefundRequestedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.escrowAccountId(), sequenceNumber, state -> state.refundRequested(event));
    }

    @EventHandler
    public void on(EscrowRefundDisputedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.escrowAccountId(), sequenceNumber, state -> state.refundDisputed(event));
    }

    @EventHandler
    public void on(EscrowRefundedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.escrowAccountId(), sequenceNumber, state -> state.refunded(event));
    }

    /** The deposit stays in escrow until the dispute desk settles; the dispute read model shows the dispute. */
    @EventHandler
    public void on(MilestoneDisputedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.escrowAccountId(), sequenceNumber, UnaryOperator.identity());
    }

    @EventHandler
    public void on(EscrowDisputeSettledEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.escrowAccountId(), sequenceNumber, state -> state.disputeSettled(event));
    }

    /** Pending money became available: the ledger shows it; here only the escrow version moves on. */
    @EventHandler
    public void on(FundsAvailableEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.escrowAccountId(), sequenceNumber, UnaryOperator.identity());
    }

    @EventHandler
    public void on(EscrowAccountClosedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.escrowAccountId(), sequenceNumber, state -> state.closed(event));
    }

    /** A replay rebuilds the collection from the first event; stale versions would make it skip everything. */
    @ResetHandler
    public void onReset() {
        store.deleteAll();
    }

    private void apply(String escrowAccountId, long sequenceNumber, UnaryOperator<EscrowState> transition) {
        Versioned.next(store.find(escrowAccountId), sequenceNumber, transition,
                        () -> new IllegalStateException("Escrow event " + sequenceNumber + " for account "
                                + escrowAccountId + " before the account opened"))
                .ifPresent(next -> store.write(escrowAccountId, sequenceNumber, next));
    }
}
