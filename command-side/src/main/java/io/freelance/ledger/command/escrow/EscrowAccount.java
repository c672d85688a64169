package io.freelance.ledger.command.escrow;

import static io.freelance.ledger.command.escrow.EscrowClock.effectiveAt;
import static io.freelance.ledger.command.escrow.EscrowClock.now;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.freelance.ledger.command.common.AggregateCaches;
import io.freelance.ledger.command.common.ContractParties;
import io.freelance.ledger.command.common.HeldBalances;
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
import io.freelance.ledger.escrow.DisputeMilestoneCommand;
import io.freelance.ledger.escrow.DisputeRefundCommand;
import io.freelance.ledger.escrow.EditMilestoneCommand;
import io.freelance.ledger.escrow.EscrowAccountClosedEvent;
import io.freelance.ledger.escrow.EscrowAccountId;
import io.freelance.ledger.escrow.EscrowAccountOpenedEvent;
import io.freelance.ledger.escrow.EscrowDisputeSettledEvent;
import io.freelance.ledger.escrow.EscrowRefundDisputedEvent;
import io.freelance.ledger.escrow.EscrowRefundRequestedEvent;
import io.freelance.ledger.escrow.EscrowRefundedEvent;
import io.freelance.ledger.escrow.FundMilestoneCommand;
import io.freelance.ledger.escrow.FundsAvailableEvent;
import io.freelance.ledger.escrow.MilestoneAddedEvent;
import io.freelance.ledger.escrow.MilestoneDisputedEvent;
import io.freelance.ledger.escrow.MilestoneFundedEvent;
import io.freelance.ledger.escrow.MilestoneReleasedEvent;
import io.freelance.ledger.escrow.MilestoneStatus;
import io.freelance.ledger.escrow.MilestonesReorderedEvent;
import io.freelance.ledger.escrow.RefundReason;
import io.freelance.ledger.escrow.ReleaseReason;
import io.freelance.ledger.escrow.ReorderMilestonesCommand;
import io.freelance.ledger.escrow.RequestMilestoneChangesCommand;
import io.freelance.ledger.escrow.SettleEscrowDisputeCommand;
import io.freelance.ledger.escrow.SubmitMilestoneCommand;
import io.freelance.ledger.ledger.JournalEntry;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The escrow account of one fixed-price contract: it owns the milestone schedule and every cent the
 * client puts in, and it alone decides when money moves (DESIGN §4 fixed-price protection, §5). Each
 * {@link Milestone} decides its own review and, while unfunded, its own terms.
 * <p>
 * Approval is allowed while a milestone is active, submitted or sent back for changes: the client may
 * pay for work they accept without waiting for a formal submission. After the account closes it takes no
 * more changes; what it still held is refunded, and payments already made still become available.
 * Non-creation handlers return the account's version so callers can wait for read models to reach it.
 * <p>
 * Adding, funding and approving carry an id derived from the client's idempotency key: a retry with the same
 * arguments records nothing again, the same key with other arguments is refused ({@link UsedIdempotencyIds}).
 */
@Aggregate(cache = AggregateCaches.AGGREGATE_CACHE)
public class EscrowAccount {

    private static final Set<MilestoneStatus> APPROVABLE =
            EnumSet.of(MilestoneStatus.ACTIVE, MilestoneStatus.SUBMITTED, MilestoneStatus.CHANGES_REQUESTED);
    /** Work was handed in: submitted, or sent back after a submission. */
    private static final Set<MilestoneStatus> DISPUTABLE =
            EnumSet.of(MilestoneStatus.SUBMITTED, MilestoneStatus.CHANGES_REQUESTED);

    @AggregateIdentifier
    private String escrowAccountId;
    private ContractParties parties;
    private String currency;
    @AggregateMember
    private MilestoneSchedule schedule;
    private HeldBalances balances;
    private UsedIdempotencyIds usedIdempotencyIds;
    private Set<String> paymentsMadeAvailable;
    private boolean closed;
    private RefundState refundState;
    private Set<String> settledDisputeIds;

    protected EscrowAccount() {
        // Axon rebuilds the account from its events.
    }

    /** Opened by the contract when the freelancer accepts a fixed-price offer, with the offered milestones. */
    public EscrowAccount(ContractParties parties, String currency, List<MilestoneTerms> milestones) {
        apply(new EscrowAccountOpenedEvent(EscrowAccountId.forContract(parties.contractId()), parties.contractId(),
                parties.clientId(), parties.freelancerId(), currency, List.copyOf(milestones), now()));
    }

    // Submitting, requesting changes, editing and deleting are the Milestone's own commands. Axon runs these
    // interceptors first, so what the four share is checked here once: who asks, that the account is open, and
    // that it has the milestone (Axon would report a missing one as an error no caller could classify).

    @CommandHandlerInterceptor
    void admit(SubmitMilestoneCommand command, MetaData metaData) {
        admitToMilestone(parties::requireFreelancer, "submit work", metaData, command.milestoneId());
    }

    @CommandHandlerInterceptor
    void admit(RequestMilestoneChangesCommand command, MetaData metaData) {
        admitToMilestone(parties::requireClient, "request changes", metaData, command.milestoneId());
    }

    @CommandHandlerInterceptor
    void admit(EditMilestoneCommand command, MetaData metaData) {
        admitToMilestone(parties::requireClient, "edit milestones", metaData, command.milestoneId());
    }

    @CommandHandlerInterceptor
    void admit(DeleteMilestoneCommand command, MetaData metaData) {
        admitToMilestone(parties::requireClient, "delete milestones", metaData, command.milestoneId());
    }

    // The schedule: the client adds milestones and reorders the unfunded ones.

    @CommandHandler
    public Long handle(AddMilestoneCommand command, MetaData metaData, EscrowPolicy policy) {
        parties.requireClient(Actor.fromMetaData(metaData), "add milestones");
        MilestoneTerms terms = EscrowRules.requireMilestoneTerms(command.milestone());
        // The API derives an added milestone's id from the idempotency key: a known id is a retry, or a reused key.
        if (usedIdempotencyIds.isRepeat(terms.milestoneId(), FirstUse.adding(terms)) || schedule.alreadyHas(terms)) {
            return version();
        }
        schedule.requireFreeId(terms.milestoneId());
        requireOpen();
        MilestoneTermsRules.requireValid("", terms, currency, policy);
        schedule.requireRoomForAnother();
        apply(new MilestoneAddedEvent(escrowAccountId, contractId(), terms, schedule.size()));
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

    // The money: fund, approve.

    @CommandHandler
    public Long handle(FundMilestoneCommand command, MetaData metaData, EscrowPolicy policy) {
        parties.requireClient(Actor.fromMetaData(metaData), "fund milestones");
        String idempotencyId = EscrowRules.requireIdempotencyId(command.idempotencyId());
        if (usedIdempotencyIds.isRepeat(idempotencyId, FirstUse.funding(command.milestoneId()))) {
            return version();
        }
        requireOpen();
        Milestone milestone = milestone(command.milestoneId());
        schedule.requireFundable(milestone);
        Money unallocated = balances.unallocated(schedule.allocated());
        apply(payments(policy).funding(milestone, unallocated, idempotencyId, now()));
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
        milestone.requireStatusIn(APPROVABLE, "approved");
        Money releaseAmount = command.releaseAmount() != null ? command.releaseAmount() : milestone.deposit();
        milestone.requireReleasable(releaseAmount);
        EscrowPayments payments = payments(policy);
        Instant now = now();
        pay(payments.release(milestone, releaseAmount, ReleaseReason.APPROVED_BY_CLIENT, idempotencyId,
                approval.argumentsFingerprint(), note, now), deadlines);
        if (command.bonus() != null) {
            pay(payments.bonus(milestone, command.bonus(), now), deadlines);
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
        Money held = refundable();
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
            EscrowClock.scheduleAsService(deadlines, refundDueAt, RefundDeadline.NAME, new RefundDeadline(refundDueAt));
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

    // The dispute desk: a Dispute aggregate sends these in its own unit of work, so the dispute and the money
    // it holds or moves commit together; the rules about escrow stay here.

    @CommandHandler
    public Long handle(DisputeMilestoneCommand command, MetaData metaData) {
        parties.requireFreelancer(Actor.fromMetaData(metaData), "dispute a milestone");
        Milestone milestone = milestone(command.milestoneId());
        if (milestone.isDisputedBy(command.disputeId())) {
            return version();
        }
        requireOpen();
        milestone.requireStatusIn(DISPUTABLE, "disputed");
        String reason = TextInput.required("reason", command.reason(), TextInput.NOTE_MAX_LENGTH,
                "A reason for the dispute");
        apply(new MilestoneDisputedEvent(escrowAccountId, contractId(), milestone.id(), command.disputeId(),
                parties.freelancerId(), milestone.deposit(), reason, now()));
        return version();
    }

    /** Settling the same dispute again does nothing; the amounts must add up to exactly what it holds. */
    @CommandHandler
    public Long handle(SettleEscrowDisputeCommand command, MetaData metaData, EscrowPolicy policy,
                       DeadlineManager deadlines) {
        if (Actor.fromMetaData(metaData).role() != Role.SYSTEM) {
            throw RuleViolation.forbidden("disputeId", "escrow.system-only",
                    "Only the dispute desk settles a dispute's money, when the dispute is decided.");
        }
        if (settledDisputeIds.contains(command.disputeId())) {
            return version();
        }
        Money disputed = disputedAmount(command.disputeId(), command.milestoneId());
        Money released = command.releaseAmount();
        Money refunded = command.refundAmount();
        if (released.isNegative() || refunded.isNegative() || !released.plus(refunded).equals(disputed)) {
            throw RuleViolation.badRequest("releaseAmount", "dispute.amounts-sum",
                    "Dispute %s holds %s; %s released and %s refunded do not add up to it."
                            .formatted(command.disputeId(), disputed, released, refunded));
        }
        List<Milestone> covered = command.milestoneId() == null ? schedule.undisputedOpenMilestones()
                : List.of(milestone(command.milestoneId()));
        EscrowDisputeSettledEvent settled = payments(policy).disputeSettlement(command.disputeId(),
                command.milestoneId(), covered, released, refunded, now());
        apply(settled);
        startSecurityPeriod(command.milestoneId(), settled.journalEntry(),
                settled.releasedAmount().minus(settled.serviceFee()), settled.availableAt(), deadlines);
        return version();
    }

    /** What a dispute holds: the disputed milestone's deposit, or what the disputed refund would have taken. */
    private Money disputedAmount(String disputeId, String milestoneId) {
        if (milestoneId != null) {
            Milestone milestone = milestone(milestoneId);
            if (!milestone.isDisputedBy(disputeId)) {
                throw RuleViolation.conflict("milestoneId", "milestone.not-disputed",
                        "Milestone '%s' is not held by dispute %s.".formatted(milestoneId, disputeId));
            }
            return milestone.deposit();
        }
        if (refundState != RefundState.DISPUTED) {
            throw RuleViolation.conflict("contractId", "refund.not-disputed",
                    "Contract %s has no disputed refund to settle.".formatted(contractId()));
        }
        return refundable();
    }

    /** What the dispute desk reads when it opens a dispute: the parties, and what a dispute would hold. */
    public EscrowDisputeSubject disputeSubject(String milestoneId) {
        Money amount = milestoneId == null ? refundable() : milestone(milestoneId).deposit();
        return new EscrowDisputeSubject(parties, amount);
    }

    // Deadlines act as the service. They are never cancelled: each checks, when it fires, that what it was set
    // for is still due (the submission still awaits review, the refund is still undisputed) and otherwise does
    // nothing. Axon can cancel a deadline only by its id or by reading and deserializing every pending
    // deadline to match a scope, which made each approval cost time proportional to all pending deadlines
    // in the service; and a scope-wide cancel also dropped the auto-release of the account's other milestones.

    @DeadlineHandler(deadlineName = AutoReleaseDeadline.NAME)
    void on(AutoReleaseDeadline deadline, EscrowPolicy policy, DeadlineManager deadlines) {
        Optional<Milestone> milestone = schedule.find(deadline.milestoneId());
        if (!closed && milestone.isPresent() && milestone.get().awaitsReviewOf(deadline.submissionNumber())) {
            pay(payments(policy).release(milestone.get(), milestone.get().deposit(), ReleaseReason.AUTO_RELEASED,
                    null, null, null, effectiveAt(deadline.dueAt())), deadlines);
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
        if (!paymentsMadeAvailable.contains(deadline.paymentEntryId())) {
            apply(payments(policy).fundsAvailable(deadline, effectiveAt(deadline.dueAt())));
        }
    }

    // Payments to the freelancer become available after the security period; a refund empties the escrow.

    private void pay(MilestoneReleasedEvent release, DeadlineManager deadlines) {
        apply(release);
        startSecurityPeriod(release.milestoneId(), release.journalEntry(),
                release.releasedAmount().minus(release.serviceFee()), release.availableAt(), deadlines);
    }

    private void pay(BonusPaidEvent bonus, DeadlineManager deadlines) {
        apply(bonus);
        startSecurityPeriod(bonus.milestoneId(), bonus.journalEntry(), bonus.bonus().minus(bonus.serviceFee()),
                bonus.availableAt(), deadlines);
    }

    /** Nothing becomes available when the service fee took the whole payment. */
    private static void startSecurityPeriod(String milestoneId, JournalEntry payment, Money paidToFreelancer,
                                            Instant availableAt, DeadlineManager deadlines) {
        if (paidToFreelancer.isPositive()) {
            EscrowClock.scheduleAsService(deadlines, availableAt, SecurityPeriodDeadline.NAME,
                    new SecurityPeriodDeadline(milestoneId, payment.entryId(), paidToFreelancer, availableAt));
        }
    }

    private void refund(RefundReason reason, Instant at, EscrowPolicy policy) {
        apply(payments(policy).refund(refundable(), schedule.undisputedOpenMilestones(), reason, at));
    }

    /** What a refund at contract end may take: everything held except the deposits of disputed milestones. */
    private Money refundable() {
        return balances.heldInEscrow().minus(schedule.heldByDisputes());
    }

    // Checks and shorthands.

    private void admitToMilestone(BiConsumer<Actor, String> requireRole, String action, MetaData metaData,
                                  String milestoneId) {
        requireRole.accept(Actor.fromMetaData(metaData), action);
        requireOpen();
        milestone(milestoneId);
    }

    private Milestone milestone(String milestoneId) {
        return schedule.require(EscrowRules.requireMilestoneId(milestoneId));
    }

    private void requireOpen() {
        if (closed) {
            throw RuleViolation.conflict("contractId", "escrow.closed",
                    "Contract %s has ended; its escrow account takes no more changes.".formatted(contractId()));
        }
    }

    private EscrowPayments payments(EscrowPolicy policy) {
        return new EscrowPayments(escrowAccountId, parties, policy);
    }

    private String contractId() {
        return parties.contractId();
    }

    private static Long version() {
        return AggregateLifecycle.getVersion();
    }

    // State, changed only here and, for their own events, in the schedule and its milestones. A money event
    // sets its milestone's status here, before Axon passes the event on to the milestones, so the check that
    // escrow covers the open milestones sees the statuses and the balances as they are after the event.

    @EventSourcingHandler
    void on(EscrowAccountOpenedEvent event) {
        escrowAccountId = event.escrowAccountId();
        parties = new ContractParties(event.contractId(), event.clientId(), event.freelancerId());
        currency = event.currency();
        schedule = new MilestoneSchedule(event);
        balances = new HeldBalances(event.contractId(), event.freelancerId(), event.currency());
        usedIdempotencyIds = new UsedIdempotencyIds();
        paymentsMadeAvailable = new HashSet<>();
        refundState = RefundState.NONE;
        settledDisputeIds = new HashSet<>();
    }

    @EventSourcingHandler
    void on(MilestoneAddedEvent event) {
        usedIdempotencyIds.record(event.milestone().milestoneId(), FirstUse.adding(event.milestone()));
    }

    @EventSourcingHandler
    void on(MilestoneFundedEvent event) {
        schedule.recorded(event.milestoneId()).markFunded();
        if (event.journalEntry() != null) {
            balances.apply(event.journalEntry());
        }
        usedIdempotencyIds.record(event.idempotencyId(), FirstUse.funding(event.milestoneId()));
        requireEscrowCoversOpenMilestones();
    }

    @EventSourcingHandler
    void on(MilestoneReleasedEvent event) {
        schedule.recorded(event.milestoneId()).markReleased();
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
        event.milestoneIds().forEach(milestoneId -> schedule.recorded(milestoneId).markRefunded());
        balances.apply(event.journalEntry());
        refundState = RefundState.REFUNDED;
        requireEscrowCoversOpenMilestones();
    }

    @EventSourcingHandler
    void on(EscrowDisputeSettledEvent event) {
        boolean paidToFreelancer = event.releasedAmount().isPositive();
        event.milestoneIds().forEach(milestoneId -> schedule.recorded(milestoneId).markSettledByDispute(paidToFreelancer));
        if (refundState == RefundState.DISPUTED && event.journalEntry().cause().milestoneId() == null) {
            refundState = RefundState.SETTLED_BY_DISPUTE;
        }
        balances.apply(event.journalEntry());
        settledDisputeIds.add(event.disputeId());
        requireEscrowCoversOpenMilestones();
    }

    private void requireEscrowCoversOpenMilestones() {
        balances.unallocated(schedule.allocated());
    }
}
