package io.freelance.ledger.command.invoice;

import static io.freelance.ledger.command.common.ServiceDeadlines.bySystem;
import static io.freelance.ledger.command.common.ServiceDeadlines.effectiveAt;
import static io.freelance.ledger.command.common.ServiceDeadlines.now;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.freelance.ledger.command.common.AggregateCaches;
import io.freelance.ledger.command.common.HeldBalances;
import io.freelance.ledger.command.common.ContractParties;
import io.freelance.ledger.command.dispute.DisputeRegister;
import io.freelance.ledger.command.escrow.EscrowPolicy;
import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.UtcWeek;
import io.freelance.ledger.dispute.DecideHourDisputeCommand;
import io.freelance.ledger.dispute.DisputeInvoiceHoursCommand;
import io.freelance.ledger.dispute.HourDisputeId;
import io.freelance.ledger.dispute.HourDisputeOpenedEvent;
import io.freelance.ledger.dispute.HourDisputeOutcome;
import io.freelance.ledger.dispute.HourDisputeResponse;
import io.freelance.ledger.dispute.HourDisputeRespondedEvent;
import io.freelance.ledger.dispute.HourDisputeSettledEvent;
import io.freelance.ledger.dispute.RespondToHourDisputeCommand;
import io.freelance.ledger.invoice.ApproveInvoiceCommand;
import io.freelance.ledger.invoice.HourlyBilling;
import io.freelance.ledger.invoice.InvoiceFundsAvailableEvent;
import io.freelance.ledger.invoice.InvoiceId;
import io.freelance.ledger.invoice.InvoiceIssuedEvent;
import io.freelance.ledger.invoice.InvoicePaidEvent;
import io.freelance.ledger.invoice.InvoicePaymentReason;
import io.freelance.ledger.invoice.InvoiceStatus;
import io.freelance.ledger.invoice.InvoicedCell;
import io.freelance.ledger.ledger.FeeRates;
import io.freelance.ledger.ledger.JournalEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The invoice of one week of one hourly contract (DESIGN §4 hourly protection, §5): issued when the week
 * locks on Monday 12:00 UTC, it charges the client the billed hours × rate plus the marketplace fee and holds
 * the hours in the contract's escrow while the client reviews them, until Friday 23:59:59 UTC. Then, or when
 * the client approves earlier, it pays the freelancer's pending balance less the service fee; five days
 * later (the security period) the payment becomes available.
 * <p>
 * Within the review the client can dispute chosen cells once. Payment then waits for the dispute; the
 * freelancer has three days to accept the refund or contest it; a dispute handler decides a contested
 * dispute, the protection rules one left unanswered: unprotected disputed cells are refunded, protected
 * ones paid. The dispute lives here rather than in an aggregate of its own because its outcome and the
 * invoice's money are one invariant (nothing is refunded or paid twice, escrow never goes below zero, the
 * payment waits for the ruling): each outcome is one event carrying its journal entry, and every rule is
 * tested on this one stream. What spans invoices, keeping the contract paused while any of its disputes is
 * open, is the {@link DisputeRegister}'s.
 * <p>
 * Every entry of an invoice carries the fee rates in force when it was issued: the client was charged, and the
 * freelancer's service fee was set, under them. Deadlines are never cancelled: each checks, when it fires,
 * that what it was set for is still due. Handlers answer the invoice's version.
 */
@Aggregate(cache = AggregateCaches.AGGREGATE_CACHE)
public class Invoice {

    @AggregateIdentifier
    private String invoiceId;
    private ContractParties parties;
    private LocalDate weekStart;
    private Money hourlyRate;
    private Money amount;
    private FeeRates rates;
    private Instant reviewEndsAt;
    private Map<Instant, InvoicedCell> cells;
    private InvoiceStatus status;
    private HeldBalances balances;
    private HourDispute dispute;
    private InvoicePaymentReason paymentReason;

    protected Invoice() {
        // Axon rebuilds the invoice from its events.
    }

    /**
     * Issued by the service for a locked week; the Work Diary constructs it with this constructor when the week
     * locks. Dated when the week was due to be invoiced, or later if the service was down then.
     */
    @CommandHandler
    public Invoice(IssueInvoiceCommand command, MetaData metaData, EscrowPolicy escrowPolicy, DeadlineManager deadlines) {
        InvoiceIssueRules.requireService(Actor.fromMetaData(metaData));
        List<InvoicedCell> billed = InvoiceIssueRules.requireValid(command);
        FeeRates feeRates = escrowPolicy.feeRates();
        Money billedAmount = HourlyBilling.amountFor(command.hourlyRate(), billed.size());
        Money marketplaceFee = feeRates.marketplaceFeeOn(billedAmount);
        Instant issuedAt = effectiveAt(UtcWeek.invoicedAt(command.weekStart()));
        Instant reviewEnd = UtcWeek.clientReviewEndsAt(command.weekStart());
        ContractParties contract = new ContractParties(command.contractId(), command.clientId(), command.freelancerId());
        JournalEntry entry = new InvoiceJournal(command.invoiceId(), contract).charge(billedAmount, marketplaceFee, feeRates,
                issuedAt);
        Instant periodStart = UtcWeek.startOf(command.weekStart());
        apply(new InvoiceIssuedEvent(command.invoiceId(), InvoiceId.number(command.contractId(), command.weekStart()),
                command.contractId(), command.clientId(), command.freelancerId(), command.workDiaryId(),
                command.weekStart(), periodStart, periodStart.plus(UtcWeek.LENGTH), command.hourlyRate(), billed.size(),
                HourlyBilling.hoursFor(billed.size()), command.overtimeCells(),
                HourlyBilling.dailyLines(billed.stream().map(InvoicedCell::cellDateTime).toList(), command.hourlyRate()),
                billed, billedAmount, marketplaceFee, billedAmount.plus(marketplaceFee), entry, issuedAt, reviewEnd));
        // Scoped by name: this runs inside the diary's unit of work, whose scope would otherwise be taken.
        deadlines.schedule(reviewEnd, ReviewEndDeadline.NAME, bySystem(new ReviewEndDeadline(reviewEnd)),
                scopeOf(command.invoiceId()));
    }

    // The client's review: approve early, or dispute hours.

    @CommandHandler
    public Long handle(ApproveInvoiceCommand command, MetaData metaData, EscrowPolicy policy, DeadlineManager deadlines) {
        parties.requireClient(Actor.fromMetaData(metaData), "approve invoices");
        if (paymentReason == InvoicePaymentReason.APPROVED_BY_CLIENT) {
            return version();
        }
        requireInReview("approved");
        pay(InvoicePaymentReason.APPROVED_BY_CLIENT, now(), policy, deadlines);
        return version();
    }

    @CommandHandler
    public Long handle(DisputeInvoiceHoursCommand command, MetaData metaData, InvoicePolicy policy,
                       DisputeRegister disputes, DeadlineManager deadlines) {
        parties.requireClient(Actor.fromMetaData(metaData), "dispute hours");
        List<Instant> named = HourDisputeRules.cellTimes("cellDateTimes", command.cellDateTimes(), true);
        String reason = HourDisputeRules.note("reason", command.reason(), true, "A reason for the dispute");
        if (dispute != null) {
            if (dispute.isRepeatOf(named, reason)) {
                return version();
            }
            throw RuleViolation.conflict("invoiceId", "invoice.already-disputed",
                    "Invoice %s has already been disputed; an invoice can be disputed once.".formatted(invoiceId));
        }
        requireInReview("disputed");
        Instant now = now();
        requireReviewWindowOpen(now);
        List<InvoicedCell> disputed = HourDisputeRules.requireAmong("cellDateTimes", named, command.cellDateTimes(),
                cells, "not-invoiced", "billed on invoice " + invoiceId);
        int protectedCount = (int) disputed.stream().filter(InvoicedCell::isProtected).count();
        String disputeId = HourDisputeId.forWeek(contractId(), weekStart);
        Instant responseDueAt = now.plus(policy.disputeResponseWindow());
        apply(new HourDisputeOpenedEvent(invoiceId, disputeId, contractId(), parties.clientId(), parties.freelancerId(),
                disputed, HourlyBilling.amountFor(hourlyRate, disputed.size()),
                HourlyBilling.amountFor(hourlyRate, protectedCount), reason, now, responseDueAt));
        disputes.disputeOpened(contractId(), disputeId, invoiceId);
        deadlines.schedule(responseDueAt, DisputeResponseDeadline.NAME,
                bySystem(new DisputeResponseDeadline(disputeId, responseDueAt)));
        return version();
    }

    // The dispute: the freelancer answers, a dispute handler or the rules decide.

    @CommandHandler
    public Long handle(RespondToHourDisputeCommand command, MetaData metaData, EscrowPolicy policy,
                       DisputeRegister disputes, DeadlineManager deadlines) {
        Actor actor = Actor.fromMetaData(metaData);
        parties.requireFreelancer(actor, "respond to disputes");
        HourDisputeResponse response = command.response();
        if (response == null) {
            throw RuleViolation.badRequest("response", "response.required", "Accept the refund or contest it.");
        }
        boolean contesting = response == HourDisputeResponse.CONTEST;
        String note = HourDisputeRules.note("note", command.note(), contesting, "A note saying why the hours are owed");
        HourDispute open = requireDispute();
        if (open.isRepeatOf(response, note)) {
            return version();
        }
        Instant now = now();
        requireAwaitingResponse(open, now);
        apply(new HourDisputeRespondedEvent(invoiceId, open.disputeId(), contractId(), parties.freelancerId(), response,
                note, now));
        if (!contesting) {
            settle(HourDisputeOutcome.REFUND_ACCEPTED, open.cellTimes(), actor, note, now, policy, disputes, deadlines);
        }
        return version();
    }

    @CommandHandler
    public Long handle(DecideHourDisputeCommand command, MetaData metaData, EscrowPolicy policy,
                       DisputeRegister disputes, DeadlineManager deadlines) {
        Actor actor = Actor.fromMetaData(metaData);
        HourDisputeRules.requireDisputeHandler(actor, parties);
        List<Instant> refund = HourDisputeRules.cellTimes("refundedCellDateTimes", command.refundedCellDateTimes(), false);
        String note = HourDisputeRules.note("note", command.note(), true, "A note explaining the decision");
        HourDispute open = requireDispute();
        if (open.isSettled()) {
            if (open.wasDecidedByHandlerAs(refund)) {
                return version();
            }
            throw RuleViolation.conflict("invoiceId", "dispute.settled",
                    "The dispute over invoice %s is already settled (%s).".formatted(invoiceId, describe(open.outcome())));
        }
        if (open.response() != HourDisputeResponse.CONTEST) {
            throw RuleViolation.conflict("invoiceId", "dispute.awaiting-response", ("The freelancer has until %s to "
                    + "answer the dispute over invoice %s; a handler decides once it is contested.")
                    .formatted(open.responseDueAt(), invoiceId));
        }
        List<InvoicedCell> refunded = HourDisputeRules.requireAmong("refundedCellDateTimes", refund,
                command.refundedCellDateTimes(), open.cells(), "not-disputed", "among the disputed cells");
        HourDisputeRules.requireUnprotected("refundedCellDateTimes", refunded, command.refundedCellDateTimes());
        settle(HourDisputeOutcome.DECIDED_BY_HANDLER, refund, actor, note, now(), policy, disputes, deadlines);
        return version();
    }

    // Deadlines act as the service.

    @DeadlineHandler(deadlineName = ReviewEndDeadline.NAME)
    void on(ReviewEndDeadline deadline, EscrowPolicy policy, DeadlineManager deadlines) {
        // Disputed: the settlement pays. Paid or refunded already: nothing is left to pay.
        if (status == InvoiceStatus.IN_REVIEW) {
            pay(InvoicePaymentReason.REVIEW_PERIOD_ENDED, effectiveAt(deadline.dueAt()), policy, deadlines);
        }
    }

    @DeadlineHandler(deadlineName = DisputeResponseDeadline.NAME)
    void on(DisputeResponseDeadline deadline, EscrowPolicy policy, DisputeRegister disputes, DeadlineManager deadlines) {
        if (dispute != null && dispute.disputeId().equals(deadline.disputeId()) && dispute.awaitsResponse()) {
            settle(HourDisputeOutcome.DECIDED_BY_RULES, dispute.unprotectedCells(), Actor.SYSTEM, null,
                    effectiveAt(deadline.dueAt()), policy, disputes, deadlines);
        }
    }

    @DeadlineHandler(deadlineName = InvoiceSecurityPeriodDeadline.NAME)
    void on(InvoiceSecurityPeriodDeadline deadline) {
        if (status != InvoiceStatus.PAID) {
            return;
        }
        Instant availableAt = effectiveAt(deadline.dueAt());
        JournalEntry entry = journal().fundsAvailable(deadline.amount(), rates, availableAt);
        apply(new InvoiceFundsAvailableEvent(invoiceId, contractId(), parties.freelancerId(), deadline.paymentEntryId(),
                deadline.amount(), entry, availableAt));
    }

    // Money movements shared by several handlers.

    /** Pays what the invoice still holds, less the service fee; the security period starts. */
    private void pay(InvoicePaymentReason reason, Instant at, EscrowPolicy policy, DeadlineManager deadlines) {
        Money payable = balances.heldInEscrow();
        Money serviceFee = rates.serviceFeeOn(payable);
        Money paidToFreelancer = payable.minus(serviceFee);
        String disputeId = dispute == null ? null : dispute.disputeId();
        JournalEntry entry = journal().payment(payable, serviceFee, disputeId, rates, at);
        Instant availableAt = at.plus(policy.securityPeriod());
        apply(new InvoicePaidEvent(invoiceId, contractId(), parties.freelancerId(), disputeId, reason, payable,
                serviceFee, paidToFreelancer, entry, at, availableAt));
        if (paidToFreelancer.isPositive()) {
            deadlines.schedule(availableAt, InvoiceSecurityPeriodDeadline.NAME,
                    bySystem(new InvoiceSecurityPeriodDeadline(entry.entryId(), paidToFreelancer, availableAt)));
        }
    }

    /**
     * Refunds {@code refundedCells} with the marketplace fee charged on them, and lets the contract run again
     * if no other dispute holds it. The rest is paid at once when the review window is over (its deadline has
     * found the invoice disputed and left it); otherwise it waits for the window's end or the client's approval.
     */
    private void settle(HourDisputeOutcome outcome, List<Instant> refundedCells, Actor decidedBy, String note, Instant at,
                        EscrowPolicy policy, DisputeRegister disputes, DeadlineManager deadlines) {
        Money refund = HourlyBilling.amountFor(hourlyRate, refundedCells.size());
        Money marketplaceFeeRefund = rates.marketplaceFeeOn(refund);
        JournalEntry entry = refund.isZero() ? null
                : journal().disputeRefund(dispute.disputeId(), refund, marketplaceFeeRefund, rates, at);
        List<Instant> paidCells = dispute.cellTimes().stream().filter(cell -> !refundedCells.contains(cell)).toList();
        apply(new HourDisputeSettledEvent(invoiceId, dispute.disputeId(), contractId(), parties.clientId(),
                parties.freelancerId(), outcome, decidedBy.userId(), decidedBy.role(), note, refundedCells, paidCells,
                refund, marketplaceFeeRefund, amount.minus(refund), entry, at));
        disputes.disputeSettled(contractId(), dispute.disputeId());
        if (status == InvoiceStatus.IN_REVIEW && !at.isBefore(reviewEndsAt)) {
            pay(InvoicePaymentReason.DISPUTE_SETTLED, at, policy, deadlines);
        }
    }

    // Checks.

    private void requireInReview(String pastParticiple) {
        if (status == InvoiceStatus.DISPUTED) {
            throw RuleViolation.conflict("invoiceId", "invoice.disputed",
                    "Invoice %s is disputed; it cannot be %s until the dispute is settled.".formatted(invoiceId, pastParticiple));
        }
        if (status != InvoiceStatus.IN_REVIEW) {
            throw RuleViolation.conflict("invoiceId", "invoice.state", "Invoice %s is %s; only an invoice in review can be %s."
                    .formatted(invoiceId, describe(status), pastParticiple));
        }
    }

    private void requireReviewWindowOpen(Instant now) {
        if (now.isAfter(reviewEndsAt)) {
            throw RuleViolation.conflict("invoiceId", "invoice.review-over",
                    "The review of invoice %s ended at %s; hours can be disputed only until then.".formatted(invoiceId, reviewEndsAt));
        }
    }

    private HourDispute requireDispute() {
        if (dispute == null) {
            throw RuleViolation.conflict("invoiceId", "dispute.not-found",
                    "Invoice %s has not been disputed.".formatted(invoiceId));
        }
        return dispute;
    }

    private void requireAwaitingResponse(HourDispute open, Instant now) {
        if (open.isSettled()) {
            throw RuleViolation.conflict("invoiceId", "dispute.settled",
                    "The dispute over invoice %s is already settled (%s).".formatted(invoiceId, describe(open.outcome())));
        }
        if (open.response() != null) {
            throw RuleViolation.conflict("response", "dispute.already-responded",
                    "The dispute over invoice %s was already answered (%s).".formatted(invoiceId, describe(open.response())));
        }
        if (now.isAfter(open.responseDueAt())) {
            throw RuleViolation.conflict("invoiceId", "dispute.response-late", ("The time to answer the dispute over "
                    + "invoice %s ended at %s; the protection rules decide it.").formatted(invoiceId, open.responseDueAt()));
        }
    }

    private static String describe(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private String contractId() {
        return parties.contractId();
    }

    private InvoiceJournal journal() {
        return new InvoiceJournal(invoiceId, parties);
    }

    private static AggregateScopeDescriptor scopeOf(String invoiceId) {
        return new AggregateScopeDescriptor(Invoice.class.getSimpleName(), invoiceId);
    }

    private static Long version() {
        return AggregateLifecycle.getVersion();
    }

    // State, changed only here.

    @EventSourcingHandler
    void on(InvoiceIssuedEvent event) {
        invoiceId = event.invoiceId();
        parties = new ContractParties(event.contractId(), event.clientId(), event.freelancerId());
        weekStart = event.weekStart();
        hourlyRate = event.hourlyRate();
        amount = event.amount();
        rates = event.journalEntry().feeRates();
        reviewEndsAt = event.reviewEndsAt();
        cells = new TreeMap<>();
        event.cells().forEach(cell -> cells.put(cell.cellDateTime(), cell));
        status = InvoiceStatus.IN_REVIEW;
        balances = new HeldBalances(event.contractId(), event.freelancerId(), event.amount().currency());
        balances.apply(event.journalEntry());
    }

    @EventSourcingHandler
    void on(HourDisputeOpenedEvent event) {
        dispute = HourDispute.opened(event);
        status = InvoiceStatus.DISPUTED;
    }

    @EventSourcingHandler
    void on(HourDisputeRespondedEvent event) {
        dispute = dispute.responded(event);
    }

    @EventSourcingHandler
    void on(HourDisputeSettledEvent event) {
        dispute = dispute.settled(event);
        balances.apply(event.journalEntry());
        status = event.remainingAmount().isZero() ? InvoiceStatus.REFUNDED : InvoiceStatus.IN_REVIEW;
    }

    @EventSourcingHandler
    void on(InvoicePaidEvent event) {
        balances.apply(event.journalEntry());
        paymentReason = event.reason();
        status = InvoiceStatus.PAID;
    }

    @EventSourcingHandler
    void on(InvoiceFundsAvailableEvent event) {
        balances.apply(event.journalEntry());
        status = InvoiceStatus.AVAILABLE;
    }
}
