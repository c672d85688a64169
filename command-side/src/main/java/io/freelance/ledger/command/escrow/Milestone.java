package io.freelance.ledger.command.escrow;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.TextInput;
import io.freelance.ledger.contract.MilestoneTerms;
import io.freelance.ledger.escrow.DeleteMilestoneCommand;
import io.freelance.ledger.escrow.EditMilestoneCommand;
import io.freelance.ledger.escrow.MilestoneChangesRequestedEvent;
import io.freelance.ledger.escrow.MilestoneDeletedEvent;
import io.freelance.ledger.escrow.MilestoneDisputedEvent;
import io.freelance.ledger.escrow.MilestoneEditedEvent;
import io.freelance.ledger.escrow.MilestoneStatus;
import io.freelance.ledger.escrow.MilestoneSubmittedEvent;
import io.freelance.ledger.escrow.RequestMilestoneChangesCommand;
import io.freelance.ledger.escrow.SubmitMilestoneCommand;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.EntityId;

/**
 * One milestone of an escrow account, an entity of the {@link EscrowAccount}. It decides its own review
 * (submit, request changes) and, while unfunded, its own terms (edit, delete). The account admits these
 * commands first (who asks, whether it is open, whether it has the milestone) and decides everything that
 * moves money; it also sets the statuses money leads to (funded, released, refunded) together with its
 * balances, so the balances are checked against the milestones' statuses as they are after the event.
 * <p>
 * Axon hands every event of the account to every milestone, so each handler first checks that the event
 * names this one.
 */
final class Milestone {

    private static final Set<MilestoneStatus> SUBMITTABLE =
            EnumSet.of(MilestoneStatus.ACTIVE, MilestoneStatus.CHANGES_REQUESTED);

    @EntityId
    private final String milestoneId;
    private final String escrowAccountId;
    private final String contractId;
    private final String currency;
    private MilestoneTerms terms;
    private MilestoneStatus status = MilestoneStatus.NOT_FUNDED;
    private int submissionCount;
    /** The open dispute over this milestone, null when none: while it is open nothing but its settlement moves the deposit. */
    private String disputeId;

    Milestone(String escrowAccountId, String contractId, String currency, MilestoneTerms terms) {
        this.milestoneId = terms.milestoneId();
        this.escrowAccountId = escrowAccountId;
        this.contractId = contractId;
        this.currency = currency;
        this.terms = terms;
    }

    @CommandHandler
    public Long handle(SubmitMilestoneCommand command, EscrowPolicy policy, DeadlineManager deadlines) {
        String note = TextInput.required("note", command.note(), TextInput.NOTE_MAX_LENGTH, "A note to the client");
        requireStatusIn(SUBMITTABLE, "submitted");
        int submissionNumber = submissionCount + 1;
        Instant now = EscrowClock.now();
        Instant autoReleaseAt = now.plus(policy.autoReleaseAfter());
        apply(new MilestoneSubmittedEvent(escrowAccountId, contractId, milestoneId, submissionNumber, note, now,
                autoReleaseAt));
        EscrowClock.scheduleAsService(deadlines, autoReleaseAt, AutoReleaseDeadline.NAME,
                new AutoReleaseDeadline(milestoneId, submissionNumber, autoReleaseAt));
        return version();
    }

    @CommandHandler
    public Long handle(RequestMilestoneChangesCommand command) {
        String message = TextInput.required("message", command.message(), TextInput.NOTE_MAX_LENGTH,
                "A message to the freelancer");
        requireStatusIn(EnumSet.of(MilestoneStatus.SUBMITTED), "sent back for changes");
        apply(new MilestoneChangesRequestedEvent(escrowAccountId, contractId, milestoneId, message, EscrowClock.now()));
        return version();
    }

    /** A null field of the command keeps the current value; an edit that changes nothing records nothing. */
    @CommandHandler
    public Long handle(EditMilestoneCommand command, EscrowPolicy policy) {
        requireNotFunded("edited");
        MilestoneTerms edited = new MilestoneTerms(milestoneId,
                command.description() != null ? command.description() : terms.description(),
                command.depositAmount() != null ? command.depositAmount() : terms.depositAmount(),
                command.dueDate() != null ? command.dueDate() : terms.dueDate());
        MilestoneTermsRules.requireValid("", edited, currency, policy);
        if (!edited.equals(terms)) {
            apply(new MilestoneEditedEvent(escrowAccountId, contractId, edited));
        }
        return version();
    }

    /** The schedule removes the milestone when the event is applied, and keeps its id taken. */
    @CommandHandler
    public Long handle(DeleteMilestoneCommand command) {
        requireNotFunded("deleted");
        apply(new MilestoneDeletedEvent(escrowAccountId, contractId, milestoneId));
        return version();
    }

    // What the account asks of a milestone.

    String id() {
        return milestoneId;
    }

    MilestoneTerms terms() {
        return terms;
    }

    Money deposit() {
        return terms.depositAmount();
    }

    /** Funding is for good: a funded milestone never returns to NOT_FUNDED, so its terms and place are fixed. */
    boolean wasFunded() {
        return status != MilestoneStatus.NOT_FUNDED;
    }

    /** Funded and not yet settled: its deposit sits in escrow. */
    boolean isFundedAndOpen() {
        return status.isFundedAndOpen();
    }

    /** Still waiting for the client's review of this submission (not reviewed, resubmitted or settled since). */
    boolean awaitsReviewOf(int submissionNumber) {
        return status == MilestoneStatus.SUBMITTED && submissionCount == submissionNumber && disputeId == null;
    }

    void requireNotFunded(String pastParticiple) {
        if (wasFunded()) {
            throw RuleViolation.conflict("milestoneId", "milestone.funded",
                    "Milestone '%s' has been funded; only unfunded milestones can be %s."
                            .formatted(milestoneId, pastParticiple));
        }
    }

    boolean isDisputed() {
        return disputeId != null;
    }

    boolean isDisputedBy(String dispute) {
        return dispute.equals(disputeId);
    }

    void requireStatusIn(Set<MilestoneStatus> allowed, String pastParticiple) {
        if (disputeId != null) {
            throw RuleViolation.conflict("milestoneId", "milestone.disputed",
                    "Milestone '%s' is disputed (%s); it cannot be %s until the dispute is settled."
                            .formatted(milestoneId, disputeId, pastParticiple));
        }
        if (!allowed.contains(status)) {
            List<String> allowedNames = allowed.stream().map(Milestone::describe).toList();
            throw RuleViolation.conflict("milestoneId", "milestone.state",
                    "Milestone '%s' is %s; only %s milestones can be %s.".formatted(milestoneId, describe(status),
                            String.join(" or ", allowedNames), pastParticiple));
        }
    }

    void requireReleasable(Money releaseAmount) {
        if (releaseAmount.compareTo(deposit()) > 0) {
            throw RuleViolation.badRequest("releaseAmount.amount", "amount.exceeds-funded",
                    "Milestone '%s' holds %s in escrow; %s cannot be released from it."
                            .formatted(milestoneId, deposit(), releaseAmount));
        }
    }

    // The statuses money leads to, set by the account's handlers of its money events.

    void markFunded() {
        status = MilestoneStatus.ACTIVE;
    }

    void markReleased() {
        status = MilestoneStatus.RELEASED;
    }

    void markRefunded() {
        status = MilestoneStatus.REFUNDED;
    }

    /** A dispute's settlement paid the deposit out: released when the freelancer got any of it, else refunded. */
    void markSettledByDispute(boolean paidToFreelancer) {
        status = paidToFreelancer ? MilestoneStatus.RELEASED : MilestoneStatus.REFUNDED;
        disputeId = null;
    }

    // State of the milestone's own events.

    @EventSourcingHandler
    void on(MilestoneEditedEvent event) {
        if (event.milestone().milestoneId().equals(milestoneId)) {
            terms = event.milestone();
        }
    }

    @EventSourcingHandler
    void on(MilestoneSubmittedEvent event) {
        if (event.milestoneId().equals(milestoneId)) {
            status = MilestoneStatus.SUBMITTED;
            submissionCount = event.submissionNumber();
        }
    }

    @EventSourcingHandler
    void on(MilestoneDisputedEvent event) {
        if (event.milestoneId().equals(milestoneId)) {
            disputeId = event.disputeId();
        }
    }

    @EventSourcingHandler
    void on(MilestoneChangesRequestedEvent event) {
        if (event.milestoneId().equals(milestoneId)) {
            status = MilestoneStatus.CHANGES_REQUESTED;
        }
    }

    /**
     * Equal when every field is. Axon's test fixture checks that replaying a command's events rebuilds the
     * state the command left, and compares a list of milestones by its elements' equals.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Milestone that && milestoneId.equals(that.milestoneId)
                && escrowAccountId.equals(that.escrowAccountId) && contractId.equals(that.contractId)
                && currency.equals(that.currency) && terms.equals(that.terms) && status == that.status
                && submissionCount == that.submissionCount && Objects.equals(disputeId, that.disputeId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(milestoneId, escrowAccountId, contractId, currency, terms, status, submissionCount, disputeId);
    }

    @Override
    public String toString() {
        return "Milestone[%s, %s, submissions=%d, dispute=%s, %s]".formatted(milestoneId, status, submissionCount,
                disputeId, terms);
    }

    private static Long version() {
        return AggregateLifecycle.getVersion();
    }

    private static String describe(MilestoneStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
