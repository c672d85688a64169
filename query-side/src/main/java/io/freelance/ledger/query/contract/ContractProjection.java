package io.freelance.ledger.query.contract;

import static io.freelance.ledger.query.contract.ContractFields.*;
import static io.freelance.ledger.query.readstore.BsonTimes.toDate;

import com.mongodb.client.model.Updates;
import io.freelance.ledger.contract.ContractAcceptedEvent;
import io.freelance.ledger.contract.ContractDeclinedEvent;
import io.freelance.ledger.contract.ContractEndedEvent;
import io.freelance.ledger.contract.ContractPausedEvent;
import io.freelance.ledger.contract.ContractResumedEvent;
import io.freelance.ledger.contract.ContractStatus;
import io.freelance.ledger.contract.ContractType;
import io.freelance.ledger.contract.FixedPriceContractOfferedEvent;
import io.freelance.ledger.contract.HourlyContractOfferedEvent;
import io.freelance.ledger.contract.MilestoneTerms;
import io.freelance.ledger.contract.WeeklyLimitChangedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * The Contract aggregate's events into {@code contracts}. Its escrow account's events have a read
 * model of their own, applied in the same processing group.
 */
@Component
@ProcessingGroup(ContractProjection.PROCESSING_GROUP)
public class ContractProjection {

    public static final String PROCESSING_GROUP = "contract-projection";

    private final ContractStore store;

    public ContractProjection(ContractStore store) {
        this.store = store;
    }

    @EventHandler
    public void on(FixedPriceContractOfferedEvent event, @SequenceNumber long sequenceNumber) {
        Bson offer = offered(ContractType.FIXED_PRICE, event.clientId(), event.freelancerId(), event.title(),
                event.currency(), event.offeredAt());
        Bson milestones = Updates.set(OFFERED_MILESTONES, ContractDocuments.termsToDocuments(event.milestones()));
        store.applyOffer(event.contractId(), event.clientId(), event.freelancerId(), sequenceNumber,
                Updates.combine(offer, milestones));
    }

    @EventHandler
    public void on(HourlyContractOfferedEvent event, @SequenceNumber long sequenceNumber) {
        Bson offer = offered(ContractType.HOURLY, event.clientId(), event.freelancerId(), event.title(),
                event.terms().hourlyRate().currency(), event.offeredAt());
        Bson terms = Updates.set(HOURLY_TERMS, ContractDocuments.hourlyTermsToDocument(event.terms()));
        Bson offeredLimit = Updates.set(WEEKLY_LIMIT_CHANGES,
                List.of(ContractDocuments.weeklyLimitChangeToDocument(event.terms().weeklyLimitHours(), null)));
        store.applyOffer(event.contractId(), event.clientId(), event.freelancerId(), sequenceNumber,
                Updates.combine(offer, terms, offeredLimit, Updates.set(OFFERED_MILESTONES, List.of())));
    }

    @EventHandler
    public void on(ContractAcceptedEvent event, @SequenceNumber long sequenceNumber) {
        store.applyContractChange(event.contractId(), sequenceNumber, Updates.combine(
                Updates.set(STATUS, ContractStatus.ACTIVE.name()),
                Updates.set(ACCEPTED_AT, toDate(event.acceptedAt()))));
    }

    @EventHandler
    public void on(ContractDeclinedEvent event, @SequenceNumber long sequenceNumber) {
        store.applyContractChange(event.contractId(), sequenceNumber, Updates.combine(
                Updates.set(STATUS, ContractStatus.DECLINED.name()),
                Updates.set(DECLINED_AT, toDate(event.declinedAt())),
                Updates.set(DECLINE_REASON, event.reason())));
    }

    @EventHandler
    public void on(ContractEndedEvent event, @SequenceNumber long sequenceNumber) {
        store.applyContractChange(event.contractId(), sequenceNumber, Updates.combine(
                Updates.set(STATUS, ContractStatus.ENDED.name()),
                Updates.set(ENDED_AT, toDate(event.endedAt())),
                Updates.set(ENDED_BY, event.endedBy()),
                Updates.set(ENDED_BY_ROLE, event.endedByRole() == null ? null : event.endedByRole().name()),
                Updates.set(END_REASON, event.reason())));
    }

    /** Kept as a change, not as the new limit: a decrease takes effect only from the next Monday. */
    @EventHandler
    public void on(WeeklyLimitChangedEvent event, @SequenceNumber long sequenceNumber) {
        store.applyContractChange(event.contractId(), sequenceNumber, Updates.push(WEEKLY_LIMIT_CHANGES,
                ContractDocuments.weeklyLimitChangeToDocument(event.weeklyLimitHours(), event.effectiveFrom())));
    }

    @EventHandler
    public void on(ContractPausedEvent event, @SequenceNumber long sequenceNumber) {
        store.applyContractChange(event.contractId(), sequenceNumber, Updates.combine(
                Updates.set(STATUS, ContractStatus.PAUSED.name()),
                Updates.set(PAUSED_AT, toDate(event.pausedAt())),
                Updates.set(PAUSED_BY, event.pausedBy()),
                Updates.set(PAUSED_BY_ROLE, event.pausedByRole() == null ? null : event.pausedByRole().name()),
                Updates.set(PAUSE_REASON, event.reason())));
    }

    @EventHandler
    public void on(ContractResumedEvent event, @SequenceNumber long sequenceNumber) {
        store.applyContractChange(event.contractId(), sequenceNumber, Updates.combine(
                Updates.set(STATUS, ContractStatus.ACTIVE.name()),
                Updates.unset(PAUSED_AT),
                Updates.unset(PAUSED_BY),
                Updates.unset(PAUSED_BY_ROLE),
                Updates.unset(PAUSE_REASON)));
    }

    /** A replay rebuilds the collection from the first event; stale versions would make it skip everything. */
    @ResetHandler
    public void onReset() {
        store.deleteAll();
    }

    private static Bson offered(ContractType type, String clientId, String freelancerId, String title,
                                String currency, Instant offeredAt) {
        return Updates.combine(
                Updates.set(TYPE, type.name()),
                Updates.set(STATUS, ContractStatus.OFFERED.name()),
                Updates.set(CLIENT_ID, clientId),
                Updates.set(FREELANCER_ID, freelancerId),
                Updates.set(TITLE, title),
                Updates.set(CURRENCY, currency),
                Updates.set(OFFERED_AT, toDate(offeredAt)));
    }
}
