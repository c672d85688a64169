package io.freelance.ledger.command.escrow;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.freelance.ledger.command.common.ContractParties;
import io.freelance.ledger.command.escrow.UsedIdempotencyIds.FirstUse;
import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.TextInput;
import io.freelance.ledger.contract.MilestoneTerms;
import io.freelance.ledger.escrow.AddMilestoneCommand;
import io.freelance.ledger.escrow.ApproveMilestoneCommand;
import io.freelance.ledger.escrow.BonusPaidEvent;
import io.freelance.ledger.escrow.CloseEscrowAccountCommand;
import io.freelance.ledger.escrow.DeleteMilestoneCommand;
import io.freelance.ledger.escrow.DisputeRefundCommand;
import io.freelance.ledger.escrow.EditMilestoneCommand;
import io.freelance.ledger.escrow.EscrowAccountClosedEvent;
import io.freelance.ledger.escrow.EscrowAccountId;
import io.freelance.ledger.escrow.EscrowAccountOpenedEvent;
import io.freelance.ledger.escrow.EscrowRefundDisputedEvent;
import io.freelance.ledger.escrow.EscrowRefundRequestedEvent;
import io.freelance.ledger.escrow.EscrowRefundedEvent;
import io.freelance.ledger.escrow.FundMilestoneCommand;
import io.freelance.ledger.escrow.FundsAvailableEvent;
import io.freelance.ledger.escrow.MilestoneAddedEvent;
import io.freelance.ledger.escrow.MilestoneChangesRequestedEvent;
import io.freelance.ledger.escrow.MilestoneDeletedEvent;
import io.freelance.ledger.escrow.MilestoneEditedEvent;
import io.freelance.ledger.escrow.MilestoneFundedEvent;
import io.freelance.ledger.escrow.MilestoneReleasedEvent;
import io.freelance.ledger.escrow.MilestoneStatus;
import io.freelance.ledger.escrow.MilestoneSubmittedEvent;
import io.freelance.ledger.escrow.MilestonesReorderedEvent;
import io.freelance.ledger.escrow.RefundReason;
import io.freelance.ledger.escrow.ReleaseReason;
import io.freelance.ledger.escrow.ReorderMilestonesCommand;
import io.freelance.ledger.escrow.RequestMilestoneChangesCommand;
import io.freelance.ledger.escrow.SubmitMilestoneCommand;
import io.freelance.ledger.ledger.FeeRates;
import io.freelance.ledger.ledger.JournalEntry;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import io.freelance.ledger.command.common.AggregateCaches;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The escrow account of one fixed-price contract: it owns the milestone schedule and every cent the
 * client puts in, and it alone decides when money moves (DESIGN §4 fixed-price protection, §5).
 * <p>
 * Approval is allowed while a milestone is active, submitted or sent back for changes: the client may
 * pay for work they accept without waiting for a formal submission. After the account closes it takes no
 * more changes; what it still held is refunded, and payments already made still become available.
 * A milestone paid for entirely by money already in escrow moves nothing between accounts, so its
 * funded event carries no journal entry. Non-creation handlers return the account's version so callers
 * can wait for read models to reach it.
 * <p>
 * Adding, funding and approving carry an id derived from the client's idempotency key: a retry with the same
 * arguments records nothing again, the same key with other arguments is refused ({@link UsedIdempotencyIds}).
 */
@Aggregate(cache = AggregateCaches.AGGREGATE_CACHE)
public class EscrowAccount {

    private static final Set<MilestoneStatus> SUBMITTABLE =
            EnumSet.of(MilestoneStatus.ACTIVE, MilestoneStatus.CHANGES_REQUESTED);
    private static final Set<MilestoneStatus> APPROVABLE =
            EnumSet.of(MilestoneStatus.ACTIVE, MilestoneStatus.SUBMITTED, MilestoneStatus.CHANGES_REQUESTED);

    @AggregateIdentifier
    private String escrowAccountId;
    private ContractParties parties;
    private String currency;
    private MilestoneSchedule schedule;
    private EscrowBalances balances;
    private UsedIdempotencyIds usedIdempotencyIds;
    private Set<String> paymentsMadeAvailable;
    private boolean closed;
    private RefundState refundState;

    protected EscrowAccount() {
        // Axon rebuilds the account from its events.
    }

    /** Opened by the contract when the freelancer accepts a fixed-price offer, with the offered milestones. */
    public EscrowAccount(ContractParties parties, String currency, List<MilestoneTerms> milestones) {
        apply(new EscrowAccountOpenedEvent(EscrowAccountId.forContract(parties.contractId()), parties.contractId(),
                parties.clientId(), parties.freelancerId(), currency, List.copyOf(milestones), now()));
    }

    // The schedule: unfunded milestones can be added, edited, reordered and deleted by the client.

    @CommandHandler
    public Long handle(AddMilestoneCommand command, MetaData metaData, EscrowPolicy policy) {
        parties.requireClient(Actor.fromMetaData(metaData), "add milestones");
        MilestoneTerms terms = command.milestone();
        if (terms == null) {
            throw RuleViolation.badRequest("milestone", "milestone.required", "The milestone to add is missing.");
        }
        MilestoneTermsRules.requireMilestoneId("milestoneId", terms.milestoneId());
        // The API derives an added milestone's id from the idempotency key: a known id is a retry, or a reused key.
        if (usedIdempotencyIds.isRepeat(terms.milestoneId(), FirstUse.adding(terms))) {
            return version();
        }
        Optional<Milestone> existing = schedule.find(terms.milestoneId());
        if (existing.isPresent() && existing.get().terms().equals(terms)) {
            return version();
        }
        if (existing.isPresent() || schedule.wasDeleted(terms.milestoneId())) {
            throw RuleViolation.conflict("milestoneId", "milestoneId.taken",
                    "Milestone id '%s' is already taken on this contract, by other terms or a deleted milestone."
                            .formatted(terms.milestoneId()));
        }
        requireOpen();
        MilestoneTermsRules.requireValid("", terms, currency, policy);
        if (schedule.size() >= MilestoneTermsRules.MAXIMUM_MILESTONES) {
            throw RuleViolation.conflict("milestoneId", "milestones.too-many",
                    "A contract can have at most %d milestones.".formatted(MilestoneTermsRules.MAXIMUM_MILESTONES));
        }
        apply(new MilestoneAddedEvent(escrowAccountId, contractId(), terms, schedule.size()));
        return version();
    }

    @CommandHandler
    public Long handle(EditMilestoneCommand command, MetaData metaData, EscrowPolicy policy) {
        parties.requireClient(Actor.fromMetaData(metaData), "edit milestones");
        requireOpen();
        Milestone milestone = milestone(command.milestoneId());
        EscrowRules.requireNotFunded(milestone, "edited");
        MilestoneTerms current = milestone.terms();
        MilestoneTerms edited = new MilestoneTerms(current.milestoneId(),
                command.description() != null ? command.description() : current.description(),
                command.depositAmount() != null ? command.depositAmount() : current.depositAmount(),
                command.dueDate() != null ? command.dueDate() : current.dueDate());
        MilestoneTermsRules.requireValid("", edited, currency, policy);
        if (!edited.equals(current)) {
            apply(new MilestoneEditedEvent(escrowAccountId, contractId(), edited));
        }
        return version();
    }

    @CommandHandler
    public Long handle(ReorderMilestonesCommand command, MetaData metaData) {
        parties.requireClient(Actor.fromMetaData(metaData), "reorder milestones");
        requireOpen();
        schedule.requireValidOrder(command.milestoneIds());
        if (!command.milestoneIds().equals(schedule.ids())) {
            apply(new MilestonesReorderedEvent(escrowAccountId, contractId(), List.copyOf(command.milestoneIds())));
        }
        return version();
    }

    @CommandHandler
    public Long handle(DeleteMilestoneCommand command, MetaData metaData) {
        parties.requireClient(Actor.fromMetaData(metaData), "delete milestones");
        requireOpen();
        Milestone milestone = milestone(command.milestoneId());
        EscrowRules.requireNotFunded(milestone, "deleted");
        apply(new MilestoneDeletedEvent(escrowAccountId, contractId(), milestone.id()));
        return version();
    }

    // The work: fund, submit, request changes, approve.

    /** Money already in escrow and claimed by no milestone (a partial approval's remainder) is used first. */
    @CommandHandler
    public Long handle(FundMilestoneCommand command, MetaData metaData, EscrowPolicy policy) {
        parties.requireClient(Actor.fromMetaData(metaData), "fund milestones");
        String idempotencyId = EscrowRules.requireIdempotencyId(command.idempotencyId());
        if (usedIdempotencyIds.isRepeat(idempotencyId, FirstUse.funding(command.milestoneId()))) {
            return version();
        }
        requireOpen();
        Milestone milestone = milestone(command.milestoneId());
        if (milestone.wasFunded()) {
            throw RuleViolation.conflict("milestoneId", "milestone.already-funded",
                    "Milestone '%s' has already been funded.".formatted(milestone.id()));
        }
        Optional<Milestone> active = schedule.fundedAndOpen();
        if (active.isPresent()) {
            throw RuleViolation.conflict("milestoneId", "milestone.one-active",
                    "Milestone '%s' is still funded and open; only one milestone can be active at a time."
                            .formatted(active.get().id()));
        }
        Money deposit = milestone.deposit();
        Money carriedOver = balances.unallocated(schedule.allocated(currency)).min(deposit);
        Money charged = deposit.minus(carriedOver);
        FeeRates rates = policy.feeRates();
        Money marketplaceFee = Fees.marketplaceFeeOn(charged, rates);
        Instant now = now();
        // Fully covered by money already in escrow: nothing moves between accounts, so there is no entry.
        JournalEntry entry = charged.isZero() ? null : journal().funding(milestone.id(), charged, marketplaceFee, rates, now);
        apply(new MilestoneFundedEvent(escrowAccountId, contractId(), milestone.id(), idempotencyId, deposit, carriedOver,
                charged, marketplaceFee, entry, now));
        return version();
    }

    @CommandHandler
    public Long handle(SubmitMilestoneCommand command, MetaData metaData, EscrowPolicy policy, DeadlineManager deadlines) {
        parties.requireFreelancer(Actor.fromMetaData(metaData), "submit work");
        String note = TextInput.required("note", command.note(), TextInput.NOTE_MAX_LENGTH, "A note to the client");
        requireOpen();
        Milestone milestone = milestone(command.milestoneId());
        EscrowRules.requireStatus(milestone, SUBMITTABLE, "submitted");
        int submissionNumber = milestone.submissionCount() + 1;
        Instant now = now();
        Instant autoReleaseAt = now.plus(policy.autoReleaseAfter());
        apply(new MilestoneSubmittedEvent(escrowAccountId, contractId(), milestone.id(), submissionNumber, note, now,
                autoReleaseAt));
        deadlines.schedule(autoReleaseAt, AutoReleaseDeadline.NAME,
                bySystem(new AutoReleaseDeadline(milestone.id(), submissionNumber, autoReleaseAt)));
        return version();
    }

    @CommandHandler
    public Long handle(RequestMilestoneChangesCommand command, MetaData metaData) {
        parties.requireClient(Actor.fromMetaData(metaData), "request changes");
        String message = TextInput.required("message", command.message(), TextInput.NOTE_MAX_LENGTH,
                "A message to the freelancer");
        requireOpen();
        Milestone milestone = milestone(command.milestoneId());
        EscrowRules.requireStatus(milestone, EnumSet.of(MilestoneStatus.SUBMITTED), "sent back for changes");
        apply(new MilestoneChangesRequestedEvent(escrowAccountId, contractId(), milestone.id(), message, now()));
        return version();
    }

    @CommandHandler
    public Long handle(ApproveMilestoneCommand command, MetaData metaData, EscrowPolicy policy, DeadlineManager deadlines) {
        parties.requireClient(Actor.fromMetaData(metaData), "approve milestones");
        String idempotencyId = EscrowRules.requireIdempotencyId(command.idempotencyId());
        FirstUse approval = FirstUse.approval(command.milestoneId(),
                FirstUse.approvalArguments(command.releaseAmount(), command.bonus(), command.note()));
        if (usedIdempotencyIds.isRepeat(idempotencyId, approval)) {
            return version();
        }
        EscrowRules.requireAmountIn(currency, "releaseAmount", command.releaseAmount(), policy);
        EscrowRules.requireAmountIn(currency, "bonus", command.bonus(), policy);
        String note = TextInput.optional("note", command.note(), TextInput.NOTE_MAX_LENGTH, "The note");
        requireOpen();
        Milestone milestone = milestone(command.milestoneId());
        EscrowRules.requireStatus(milestone, APPROVABLE, "approved");
        Money releaseAmount = command.releaseAmount() != null ? command.releaseAmount() : milestone.deposit();
        EscrowRules.requireReleasable(milestone, releaseAmount);
        Instant now = now();
        release(milestone, releaseAmount, ReleaseReason.APPROVED_BY_CLIENT, idempotencyId, approval.argumentsFingerprint(),
                note, now, policy, deadlines);
        if (command.bonus() != null) {
            payBonus(milestone, command.bonus(), now, policy, deadlines);
        }
        return version();
    }

    // Contract end: close, refund unless the freelancer disputes in time.

    /** Sent by the service, for an ended contract whose account is still open; closing twice does nothing. */
    @CommandHandler
    public Long handle(CloseEscrowAccountCommand command, MetaData metaData, EscrowPolicy policy, DeadlineManager deadlines) {
        EscrowRules.requireSystem(Actor.fromMetaData(metaData));
        closeForEndedContract(command.endedBy(), command.endedByRole(), policy, deadlines);
        return version();
    }

    /**
     * Called in the unit of work that ends the contract (see {@link EscrowAccountCloser}). What the account
     * holds is refunded at once when the freelancer ended the contract, otherwise after the dispute window.
     */
    void closeForEndedContract(String endedBy, Role endedByRole, EscrowPolicy policy, DeadlineManager deadlines) {
        if (closed) {
            return;
        }
        Money held = balances.heldInEscrow();
        Instant now = now();
        apply(new EscrowAccountClosedEvent(escrowAccountId, contractId(), endedBy, endedByRole, held, now));
        if (held.isZero()) {
            return;
        }
        if (endedByRole == Role.FREELANCER) {
            refund(RefundReason.FREELANCER_ENDED_CONTRACT, now, policy);
        } else {
            Instant refundDueAt = now.plus(policy.refundDisputeWindow());
            apply(new EscrowRefundRequestedEvent(escrowAccountId, contractId(), held, parties.clientId(), now, refundDueAt));
            deadlines.schedule(refundDueAt, RefundDeadline.NAME, bySystem(new RefundDeadline(refundDueAt)));
        }
    }

    @CommandHandler
    public Long handle(DisputeRefundCommand command, MetaData metaData) {
        parties.requireFreelancer(Actor.fromMetaData(metaData), "dispute a refund");
        String reason = TextInput.required("reason", command.reason(), TextInput.NOTE_MAX_LENGTH,
                "A reason for the dispute");
        if (refundState == RefundState.DISPUTED) {
            return version();
        }
        if (refundState != RefundState.REQUESTED) {
            throw RuleViolation.conflict("contractId", "refund.state",
                    "Contract %s has no refund waiting that could be disputed.".formatted(contractId()));
        }
        apply(new EscrowRefundDisputedEvent(escrowAccountId, contractId(), parties.freelancerId(),
                balances.heldInEscrow(), reason, now()));
        return version();
    }

    // Deadlines act as the service. They are never cancelled: each checks, when it fires, that what it was set
    // for is still due (the submission still awaits review, the refund is still undisputed) and otherwise does
    // nothing. Axon can cancel a deadline only by its id or by reading and deserializing every pending
    // deadline to match a scope, which made each approval cost time proportional to all pending deadlines
    // in the service; and a scope-wide cancel also dropped the auto-release of the account's other milestones.

    @DeadlineHandler(deadlineName = AutoReleaseDeadline.NAME)
    void on(AutoReleaseDeadline deadline, EscrowPolicy policy, DeadlineManager deadlines) {
        Optional<Milestone> milestone = schedule.find(deadline.milestoneId());
        boolean stillAwaitingReview = !closed && milestone.isPresent()
                && milestone.get().status() == MilestoneStatus.SUBMITTED
                && milestone.get().submissionCount() == deadline.submissionNumber();
        if (stillAwaitingReview) {
            release(milestone.get(), milestone.get().deposit(), ReleaseReason.AUTO_RELEASED, null, null, null,
                    effectiveAt(deadline.dueAt()), policy, deadlines);
        }
    }

    @DeadlineHandler(deadlineName = RefundDeadline.NAME)
    void on(RefundDeadline deadline, EscrowPolicy policy) {
        if (refundState == RefundState.REQUESTED) {
            refund(RefundReason.NOT_DISPUTED_IN_TIME, effectiveAt(deadline.dueAt()), policy);
        }
    }

    @DeadlineHandler(deadlineName = SecurityPeriodDeadline.NAME)
    void on(SecurityPeriodDeadline deadline, EscrowPolicy policy) {
        if (paymentsMadeAvailable.contains(deadline.paymentEntryId())) {
            return;
        }
        Instant availableAt = effectiveAt(deadline.dueAt());
        JournalEntry entry = journal().fundsAvailable(deadline.milestoneId(), deadline.paymentEntryId(),
                deadline.amount(), policy.feeRates(), availableAt);
        apply(new FundsAvailableEvent(escrowAccountId, contractId(), parties.freelancerId(), deadline.paymentEntryId(),
                deadline.amount(), entry, availableAt));
    }

    // Money movements shared by several handlers.

    private void release(Milestone milestone, Money amount, ReleaseReason reason, String idempotencyId,
                         String idempotencyFingerprint, String note, Instant at, EscrowPolicy policy,
                         DeadlineManager deadlines) {
        FeeRates rates = policy.feeRates();
        Money serviceFee = Fees.serviceFeeOn(amount, rates);
        JournalEntry entry = journal().release(milestone.id(), amount, serviceFee, rates, at);
        Instant availableAt = at.plus(policy.securityPeriod());
        apply(new MilestoneReleasedEvent(escrowAccountId, contractId(), milestone.id(), parties.freelancerId(), reason,
                idempotencyId, idempotencyFingerprint, amount, serviceFee, milestone.deposit().minus(amount), note, entry,
                at, availableAt));
        startSecurityPeriod(milestone.id(), entry, amount.minus(serviceFee), availableAt, deadlines);
    }

    private void payBonus(Milestone milestone, Money bonus, Instant at, EscrowPolicy policy, DeadlineManager deadlines) {
        FeeRates rates = policy.feeRates();
        Money serviceFee = Fees.serviceFeeOn(bonus, rates);
        Money marketplaceFee = Fees.marketplaceFeeOn(bonus, rates);
        JournalEntry entry = journal().bonus(milestone.id(), bonus, serviceFee, marketplaceFee, rates, at);
        Instant availableAt = at.plus(policy.securityPeriod());
        apply(new BonusPaidEvent(escrowAccountId, contractId(), milestone.id(), parties.freelancerId(), bonus, serviceFee,
                marketplaceFee, entry, at, availableAt));
        startSecurityPeriod(milestone.id(), entry, bonus.minus(serviceFee), availableAt, deadlines);
    }

    private void startSecurityPeriod(String milestoneId, JournalEntry payment, Money paidToFreelancer,
                                     Instant availableAt, DeadlineManager deadlines) {
        if (paidToFreelancer.isPositive()) {
            deadlines.schedule(availableAt, SecurityPeriodDeadline.NAME,
                    bySystem(new SecurityPeriodDeadline(milestoneId, payment.entryId(), paidToFreelancer, availableAt)));
        }
    }

    private void refund(RefundReason reason, Instant at, EscrowPolicy policy) {
        Money held = balances.heldInEscrow();
        List<String> coveredMilestoneIds = schedule.openMilestones().stream().map(Milestone::id).toList();
        JournalEntry entry = journal().refund(held, policy.feeRates(), at);
        apply(new EscrowRefundedEvent(escrowAccountId, contractId(), parties.clientId(), coveredMilestoneIds, held,
                reason, entry, at));
    }

    // Checks.

    private Milestone milestone(String milestoneId) {
        return schedule.require(EscrowRules.requireMilestoneId(milestoneId));
    }

    private void requireOpen() {
        if (closed) {
            throw RuleViolation.conflict("contractId", "escrow.closed",
                    "Contract %s has ended; its escrow account takes no more changes.".formatted(contractId()));
        }
    }

    /**
     * A deadline acts as the service. Without this it would inherit, as correlation data, the user whose
     * command set it, and the history would say that user released or refunded the money.
     */
    private static Message<?> bySystem(Object deadlinePayload) {
        return GenericMessage.asMessage(deadlinePayload).andMetaData(Actor.SYSTEM.asMetaData());
    }

    private String contractId() {
        return parties.contractId();
    }

    private EscrowJournal journal() {
        return new EscrowJournal(escrowAccountId, parties);
    }

    private static Long version() {
        return AggregateLifecycle.getVersion();
    }

    /** Axon test fixtures control this clock; production reads the system clock through it. */
    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    /**
     * A deadline never acts before it is due. When it runs late (the service was down), the entry carries
     * the time it really happened, so no balance at an instant already past changes after the fact.
     */
    private static Instant effectiveAt(Instant dueAt) {
        Instant now = now();
        return now.isAfter(dueAt) ? now : dueAt;
    }

    // State, changed only here.

    @EventSourcingHandler
    void on(EscrowAccountOpenedEvent event) {
        escrowAccountId = event.escrowAccountId();
        parties = new ContractParties(event.contractId(), event.clientId(), event.freelancerId());
        currency = event.currency();
        schedule = new MilestoneSchedule(event.milestones());
        balances = new EscrowBalances(event.contractId(), event.freelancerId(), event.currency());
        usedIdempotencyIds = new UsedIdempotencyIds();
        paymentsMadeAvailable = new HashSet<>();
        refundState = RefundState.NONE;
    }

    @EventSourcingHandler
    void on(MilestoneAddedEvent event) {
        schedule.add(event.milestone());
        usedIdempotencyIds.record(event.milestone().milestoneId(), FirstUse.adding(event.milestone()));
    }

    @EventSourcingHandler
    void on(MilestoneEditedEvent event) {
        schedule.change(event.milestone().milestoneId(), milestone -> milestone.withTerms(event.milestone()));
    }

    @EventSourcingHandler
    void on(MilestonesReorderedEvent event) {
        schedule.reorder(event.milestoneIds());
    }

    @EventSourcingHandler
    void on(MilestoneDeletedEvent event) {
        schedule.remove(event.milestoneId());
    }

    @EventSourcingHandler
    void on(MilestoneFundedEvent event) {
        schedule.change(event.milestoneId(), milestone -> milestone.withStatus(MilestoneStatus.ACTIVE));
        if (event.journalEntry() != null) {
            balances.apply(event.journalEntry());
        }
        usedIdempotencyIds.record(event.idempotencyId(), FirstUse.funding(event.milestoneId()));
        requireEscrowCoversOpenMilestones();
    }

    @EventSourcingHandler
    void on(MilestoneSubmittedEvent event) {
        schedule.change(event.milestoneId(), milestone -> milestone.submitted(event.submissionNumber()));
    }

    @EventSourcingHandler
    void on(MilestoneChangesRequestedEvent event) {
        schedule.change(event.milestoneId(), milestone -> milestone.withStatus(MilestoneStatus.CHANGES_REQUESTED));
    }

    @EventSourcingHandler
    void on(MilestoneReleasedEvent event) {
        schedule.change(event.milestoneId(), milestone -> milestone.withStatus(MilestoneStatus.RELEASED));
        balances.apply(event.journalEntry());
        usedIdempotencyIds.record(event.idempotencyId(),
                FirstUse.approval(event.milestoneId(), event.idempotencyFingerprint()));
        requireEscrowCoversOpenMilestones();
    }

    @EventSourcingHandler
    void on(BonusPaidEvent event) {
        balances.apply(event.journalEntry());
    }

    @EventSourcingHandler
    void on(FundsAvailableEvent event) {
        balances.apply(event.journalEntry());
        paymentsMadeAvailable.add(event.paymentEntryId());
    }

    @EventSourcingHandler
    void on(EscrowAccountClosedEvent event) {
        closed = true;
    }

    @EventSourcingHandler
    void on(EscrowRefundRequestedEvent event) {
        refundState = RefundState.REQUESTED;
    }

    @EventSourcingHandler
    void on(EscrowRefundDisputedEvent event) {
        refundState = RefundState.DISPUTED;
    }

    @EventSourcingHandler
    void on(EscrowRefundedEvent event) {
        event.milestoneIds().forEach(id -> schedule.change(id, milestone -> milestone.withStatus(MilestoneStatus.REFUNDED)));
        balances.apply(event.journalEntry());
        refundState = RefundState.REFUNDED;
        requireEscrowCoversOpenMilestones();
    }

    private void requireEscrowCoversOpenMilestones() {
        balances.unallocated(schedule.allocated(currency));
    }
}
