package io.freelance.ledger.query.escrow;

import static io.freelance.ledger.query.contract.ContractFields.CLIENT_ID;
import static io.freelance.ledger.query.contract.ContractFields.CURRENCY;
import static io.freelance.ledger.query.contract.ContractFields.ESCROW;
import static io.freelance.ledger.query.contract.ContractFields.FREELANCER_ID;
import static io.freelance.ledger.query.contract.ContractFields.MILESTONES;

import com.mongodb.client.model.Updates;
import io.freelance.ledger.escrow.BonusPaidEvent;
import io.freelance.ledger.escrow.EscrowAccountClosedEvent;
import io.freelance.ledger.escrow.EscrowAccountOpenedEvent;
import io.freelance.ledger.escrow.EscrowRefundDisputedEvent;
import io.freelance.ledger.escrow.EscrowRefundRequestedEvent;
import io.freelance.ledger.escrow.EscrowRefundedEvent;
import io.freelance.ledger.escrow.FundsAvailableEvent;
import io.freelance.ledger.escrow.MilestoneAddedEvent;
import io.freelance.ledger.escrow.MilestoneChangesRequestedEvent;
import io.freelance.ledger.escrow.MilestoneDeletedEvent;
import io.freelance.ledger.escrow.MilestoneEditedEvent;
import io.freelance.ledger.escrow.MilestoneFundedEvent;
import io.freelance.ledger.escrow.MilestoneReleasedEvent;
import io.freelance.ledger.escrow.MilestoneSubmittedEvent;
import io.freelance.ledger.escrow.MilestonesReorderedEvent;
import io.freelance.ledger.query.contract.ContractProjection;
import io.freelance.ledger.query.contract.ContractStore;
import io.freelance.ledger.query.contract.ContractStore.VersionedEscrowState;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * The EscrowAccount aggregate's events into the milestones and escrow summary of the contract's
 * {@code contracts} document. Each event is applied to the stored state in memory and written
 * back under the escrow version, so a repeated event is skipped before and during the write.
 */
@Component
@ProcessingGroup(ContractProjection.PROCESSING_GROUP)
public class EscrowProjection {

    private final ContractStore store;

    public EscrowProjection(ContractStore store) {
        this.store = store;
    }

    @EventHandler
    public void on(EscrowAccountOpenedEvent event, @SequenceNumber long sequenceNumber) {
        EscrowState opened = EscrowState.opened(event);
        // The parties are the contract's fields; set here only if the escrow event arrives before the offer.
        Bson parties = Updates.combine(
                Updates.setOnInsert(CLIENT_ID, event.clientId()),
                Updates.setOnInsert(FREELANCER_ID, event.freelancerId()),
                Updates.setOnInsert(CURRENCY, event.currency()));
        store.applyEscrowChange(event.contractId(), sequenceNumber, stateChanges(opened, parties));
    }

    @EventHandler
    public void on(MilestoneAddedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.contractId(), sequenceNumber, state -> state.milestoneAdded(event.milestone()));
    }

    @EventHandler
    public void on(MilestoneEditedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.contractId(), sequenceNumber, state -> state.milestoneEdited(event.milestone()));
    }

    @EventHandler
    public void on(MilestoneDeletedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.contractId(), sequenceNumber, state -> state.milestoneDeleted(event.milestoneId()));
    }

    @EventHandler
    public void on(MilestonesReorderedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.contractId(), sequenceNumber, state -> state.reordered(event.milestoneIds()));
    }

    @EventHandler
    public void on(MilestoneFundedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.contractId(), sequenceNumber, state -> state.funded(event));
    }

    @EventHandler
    public void on(MilestoneSubmittedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.contractId(), sequenceNumber, state -> state.submitted(event));
    }

    @EventHandler
    public void on(MilestoneChangesRequestedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.contractId(), sequenceNumber, state -> state.changesRequested(event.milestoneId(), event.message()));
    }

    @EventHandler
    public void on(MilestoneReleasedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.contractId(), sequenceNumber, state -> state.released(event));
    }

    @EventHandler
    public void on(BonusPaidEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.contractId(), sequenceNumber, state -> state.bonusPaid(event));
    }

    @EventHandler
    public void on(EscrowRefundRequestedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.contractId(), sequenceNumber, state -> state.refundRequested(event));
    }

    @EventHandler
    public void on(EscrowRefundDisputedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.contractId(), sequenceNumber, state -> state.refundDisputed(event));
    }

    @EventHandler
    public void on(EscrowRefundedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.contractId(), sequenceNumber, state -> state.refunded(event));
    }

    /** Pending money became available: the ledger shows it; here only the escrow version moves on. */
    @EventHandler
    public void on(FundsAvailableEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.contractId(), sequenceNumber, UnaryOperator.identity());
    }

    @EventHandler
    public void on(EscrowAccountClosedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.contractId(), sequenceNumber, state -> state.closed(event));
    }

    private void apply(String contractId, long sequenceNumber, UnaryOperator<EscrowState> transition) {
        Optional<VersionedEscrowState> stored = store.findEscrowState(contractId);
        if (stored.isPresent() && stored.get().escrowVersion() >= sequenceNumber) {
            return;
        }
        EscrowState current = stored.map(VersionedEscrowState::state)
                .orElseThrow(() -> new IllegalStateException("Escrow event " + sequenceNumber
                        + " for contract " + contractId + " before its escrow account opened"));
        store.writeEscrowState(contractId, sequenceNumber, stateChanges(transition.apply(current), Updates.combine()));
    }

    private static Bson stateChanges(EscrowState state, Bson extraChanges) {
        return Updates.combine(
                Updates.set(MILESTONES, EscrowDocuments.milestonesToDocuments(state.milestones())),
                Updates.set(ESCROW, EscrowDocuments.escrowToDocument(state.escrow())),
                extraChanges);
    }
}
