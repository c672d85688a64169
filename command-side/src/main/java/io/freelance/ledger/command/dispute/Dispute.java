package io.freelance.ledger.command.dispute;

import static io.freelance.ledger.command.common.ServiceDeadlines.bySystem;
import static io.freelance.ledger.command.common.ServiceDeadlines.effectiveAt;
import static io.freelance.ledger.command.common.ServiceDeadlines.now;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.freelance.ledger.command.common.AggregateCaches;
import io.freelance.ledger.command.escrow.EscrowAccount;
import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.AggregateVersions;
import io.freelance.ledger.common.AggregateVersions.AggregateVersion;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.TextInput;
import io.freelance.ledger.dispute.AcceptDisputeProposalCommand;
import io.freelance.ledger.dispute.DecideDisputeCommand;
import io.freelance.ledger.dispute.DisputeId;
import io.freelance.ledger.dispute.DisputeKind;
import io.freelance.ledger.dispute.DisputeOpenedEvent;
import io.freelance.ledger.dispute.DisputeProposalAcceptedEvent;
import io.freelance.ledger.dispute.DisputeProposalLapsedEvent;
import io.freelance.ledger.dispute.DisputeProposalRejectedEvent;
import io.freelance.ledger.dispute.DisputeResolution;
import io.freelance.ledger.dispute.DisputeRespondedEvent;
import io.freelance.ledger.dispute.DisputeResponse;
import io.freelance.ledger.dispute.DisputeSettledEvent;
import io.freelance.ledger.dispute.DisputeSettlementProposedEvent;
import io.freelance.ledger.dispute.DisputeTerms;
import io.freelance.ledger.dispute.OpenMilestoneDisputeCommand;
import io.freelance.ledger.dispute.OpenRefundDisputeCommand;
import io.freelance.ledger.dispute.ProposeDisputeSettlementCommand;
import io.freelance.ledger.dispute.RejectDisputeProposalCommand;
import io.freelance.ledger.dispute.RespondToDisputeCommand;
import io.freelance.ledger.escrow.EscrowAccountId;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A fixed-price dispute at the dispute desk (DESIGN §4): the freelancer disputes the refund at contract end, or
 * claims a submitted milestone. The client has 3 days to respond (no response decides for the freelancer, who
 * acted); a dispute handler may propose a settlement both parties accept within 2 days, and decides otherwise:
 * release to the freelancer, refund to the client, or a split by exact amounts.
 * <p>
 * The money never leaves the escrow account's rules: opening and settling hand commands to the account in this
 * unit of work ({@link DisputedEscrow}), after the contract's {@link DisputeRegister} paused or resumed the
 * contract, so the lock order stays register, contract, escrow, as when a contract ends. Deadlines are never
 * cancelled: each checks when it fires that what it was set for is still due.
 */
@Aggregate(cache = AggregateCaches.AGGREGATE_CACHE)
public class Dispute {

    @AggregateIdentifier
    private String disputeId;
    private DisputeKind kind;
    private String contractId;
    private String milestoneId;
    private String clientId;
    private String freelancerId;
    private Money disputedAmount;
    private String reason;
    private Instant responseDueAt;
    private DisputeResponse response;
    private String statement;
    private int proposalCount;
    /** The proposal on the table, null when none is. */
    private Proposal proposal;
    /** Each party that rejected a proposal, by proposal number, so a repeated rejection is recognised. */
    private final Set<String> rejections = new HashSet<>();
    private DisputeResolution resolution;
    private DisputeTerms settledTerms;

    protected Dispute() {
        // Axon rebuilds the dispute from its events, or creates it for the command that opens it.
    }

    // Opening: the freelancer, through the dispute desk. A retry names the same dispute and changes nothing.

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Object handle(OpenRefundDisputeCommand command, MetaData metaData, DisputedEscrow escrow,
                       DisputeRegister register, DisputePolicy policy, DeadlineManager deadlines) {
        Actor actor = Actor.fromMetaData(metaData);
        String contract = TextInput.id("contractId", command.contractId(), "The contract id");
        requireIdOf(command.disputeId(), DisputeId.forRefund(contract));
        String why = DisputeRules.reason("reason", command.reason(), true, "A reason for the dispute");
        if (isOpened()) {
            return repeatedOpening(DisputeKind.REFUND, null, why);
        }
        register.disputeOpened(contract, command.disputeId(), null);
        HeldByDispute subject = escrow.disputeRefund(contract, actor, why);
        open(command.disputeId(), DisputeKind.REFUND, null, subject, actor, why, policy, deadlines);
        return withEscrow(subject.escrowVersion());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Object handle(OpenMilestoneDisputeCommand command, MetaData metaData, DisputedEscrow escrow,
                       DisputeRegister register, DisputePolicy policy, DeadlineManager deadlines) {
        Actor actor = Actor.fromMetaData(metaData);
        String contract = TextInput.id("contractId", command.contractId(), "The contract id");
        String milestone = TextInput.id("milestoneId", command.milestoneId(), "The milestone id");
        requireIdOf(command.disputeId(), DisputeId.forMilestone(contract, milestone));
        String why = DisputeRules.reason("reason", command.reason(), true, "A reason for the dispute");
        if (isOpened()) {
            return repeatedOpening(DisputeKind.MILESTONE, milestone, why);
        }
        register.disputeOpened(contract, command.disputeId(), null);
        HeldByDispute subject = escrow.disputeMilestone(contract, milestone, command.disputeId(), actor, why);
        open(command.disputeId(), DisputeKind.MILESTONE, milestone, subject, actor, why, policy, deadlines);
        return withEscrow(subject.escrowVersion());
    }

    // The client's response: concede (the freelancer wins at once) or contest (the desk takes it).

    @CommandHandler
    public Object handle(RespondToDisputeCommand command, MetaData metaData, DisputedEscrow escrow,
                       DisputeRegister register) {
        Actor actor = Actor.fromMetaData(metaData);
        requireClient(actor, "respond to the dispute");
        if (command.response() == null) {
            throw RuleViolation.badRequest("response", "response.required", "Concede or contest the dispute.");
        }
        boolean contesting = command.response() == DisputeResponse.CONTEST;
        String given = DisputeRules.reason("statement", command.statement(), contesting,
                "A statement of why the money is not owed");
        if (response != null) {
            if (response == command.response() && Objects.equals(statement, given)) {
                return version();
            }
            throw RuleViolation.conflict("disputeId", "dispute.already-responded",
                    "Dispute %s has already been answered (%s).".formatted(disputeId, response));
        }
        requireNotSettled();
        Instant now = now();
        if (now.isAfter(responseDueAt)) {
            throw RuleViolation.conflict("disputeId", "dispute.response-window-closed",
                    "The time to respond to dispute %s ended at %s.".formatted(disputeId, responseDueAt));
        }
        apply(new DisputeRespondedEvent(disputeId, contractId, actor.userId(), actor.role(), command.response(), given,
                now));
        if (!contesting) {
            return withEscrow(settle(DisputeResolution.CONCEDED, DisputeRules.forFreelancer(disputedAmount), actor,
                    given, now, escrow, register));
        }
        return version();
    }

    // Mediation: a handler's proposal that both parties accept, or that lapses.

    @CommandHandler
    public Long handle(ProposeDisputeSettlementCommand command, MetaData metaData, DisputePolicy policy,
                       DeadlineManager deadlines) {
        Actor actor = Actor.fromMetaData(metaData);
        DisputeRules.requireHandler(actor, "propose a settlement");
        DisputeTerms terms = DisputeRules.terms(command.outcome(), command.releaseAmount(), command.refundAmount(),
                disputedAmount);
        String note = DisputeRules.reason("note", command.note(), false, "A note to the parties");
        if (proposal != null && proposal.terms().equals(terms)) {
            return version();
        }
        requireContested("proposed a settlement for");
        if (proposal != null) {
            throw RuleViolation.conflict("disputeId", "dispute.proposal-open",
                    "Proposal %d of dispute %s awaits the parties' answers; propose again when it is answered or lapsed."
                            .formatted(proposal.number(), disputeId));
        }
        Instant now = now();
        Instant answerDueAt = now.plus(policy.proposalAnswerWindow());
        int number = proposalCount + 1;
        apply(new DisputeSettlementProposedEvent(disputeId, contractId, number, terms, note, actor.userId(), now,
                answerDueAt));
        deadlines.schedule(answerDueAt, ProposalDeadline.NAME, bySystem(new ProposalDeadline(number, answerDueAt)));
        return version();
    }

    @CommandHandler
    public Object handle(AcceptDisputeProposalCommand command, MetaData metaData, DisputedEscrow escrow,
                       DisputeRegister register) {
        Actor actor = Actor.fromMetaData(metaData);
        requireParty(actor);
        if (resolution == DisputeResolution.AGREED_BY_PARTIES && proposalCount == command.proposalNumber()) {
            return version();
        }
        Proposal open = requireOpenProposal(command.proposalNumber());
        if (open.isAcceptedBy(actor.userId())) {
            return version();
        }
        Instant now = now();
        apply(new DisputeProposalAcceptedEvent(disputeId, contractId, open.number(), actor.userId(), actor.role(), now));
        if (proposal.isAcceptedBy(clientId) && proposal.isAcceptedBy(freelancerId)) {
            return withEscrow(settle(DisputeResolution.AGREED_BY_PARTIES, open.terms(), actor, null, now, escrow,
                    register));
        }
        return version();
    }

    @CommandHandler
    public Long handle(RejectDisputeProposalCommand command, MetaData metaData) {
        Actor actor = Actor.fromMetaData(metaData);
        requireParty(actor);
        String why = DisputeRules.reason("reason", command.reason(), false, "A reason for rejecting the proposal");
        if (rejections.contains(rejectionKey(command.proposalNumber(), actor.userId()))) {
            return version();
        }
        Proposal open = requireOpenProposal(command.proposalNumber());
        apply(new DisputeProposalRejectedEvent(disputeId, contractId, open.number(), actor.userId(), actor.role(), why,
                now()));
        return version();
    }

    // The decision: a handler's, on a contested dispute; it takes any proposal off the table.

    @CommandHandler
    public Object handle(DecideDisputeCommand command, MetaData metaData, DisputedEscrow escrow,
                       DisputeRegister register) {
        Actor actor = Actor.fromMetaData(metaData);
        DisputeRules.requireHandler(actor, "decide disputes");
        DisputeTerms terms = DisputeRules.terms(command.outcome(), command.releaseAmount(), command.refundAmount(),
                disputedAmount);
        String note = DisputeRules.reason("note", command.note(), true, "A note explaining the decision");
        if (resolution == DisputeResolution.DECIDED_BY_HANDLER && settledTerms.equals(terms)) {
            return version();
        }
        requireContested("decided");
        return withEscrow(settle(DisputeResolution.DECIDED_BY_HANDLER, terms, actor, note, now(), escrow, register));
    }

    // Deadlines act as the service.

    @DeadlineHandler(deadlineName = ResponseDeadline.NAME)
    void on(ResponseDeadline deadline, DisputedEscrow escrow, DisputeRegister register) {
        if (response == null && resolution == null) {
            settle(DisputeResolution.NO_RESPONSE_IN_TIME, DisputeRules.forFreelancer(disputedAmount), Actor.SYSTEM,
                    null, effectiveAt(deadline.dueAt()), escrow, register);
        }
    }

    @DeadlineHandler(deadlineName = ProposalDeadline.NAME)
    void on(ProposalDeadline deadline) {
        if (proposal != null && proposal.number() == deadline.proposalNumber() && resolution == null) {
            apply(new DisputeProposalLapsedEvent(disputeId, contractId, deadline.proposalNumber(),
                    effectiveAt(deadline.dueAt())));
        }
    }

    // Shared steps.

    private void open(String id, DisputeKind disputeKind, String milestone, HeldByDispute subject, Actor actor,
                      String why, DisputePolicy policy, DeadlineManager deadlines) {
        Instant now = now();
        Instant dueAt = now.plus(policy.responseWindow());
        String contract = subject.parties().contractId();
        apply(new DisputeOpenedEvent(id, disputeKind, contract, EscrowAccountId.forContract(contract), milestone,
                subject.parties().clientId(), subject.parties().freelancerId(), actor.userId(), actor.role(),
                subject.amount(), why, now, dueAt));
        deadlines.schedule(dueAt, ResponseDeadline.NAME, bySystem(new ResponseDeadline(dueAt)));
    }

    /** The dispute first, then the contract may resume, then the escrow pays: one unit of work. */
    private long settle(DisputeResolution how, DisputeTerms terms, Actor decidedBy, String note, Instant at,
                        DisputedEscrow escrow, DisputeRegister register) {
        apply(new DisputeSettledEvent(disputeId, contractId, how, terms, decidedBy.userId(), decidedBy.role(), note, at));
        register.disputeSettled(contractId, disputeId);
        return escrow.settle(contractId, disputeId, milestoneId, terms);
    }

    /** The dispute's and the escrow account's new versions: the unit of work changed both. */
    private AggregateVersions withEscrow(long escrowVersion) {
        return AggregateVersions.of(new AggregateVersion(Dispute.class.getSimpleName(), disputeId, version()),
                new AggregateVersion(EscrowAccount.class.getSimpleName(), EscrowAccountId.forContract(contractId),
                        escrowVersion));
    }

    private Long repeatedOpening(DisputeKind requestedKind, String requestedMilestone, String requestedReason) {
        if (kind == requestedKind && Objects.equals(milestoneId, requestedMilestone)
                && reason.equals(requestedReason)) {
            return version();
        }
        throw RuleViolation.conflict("disputeId", "dispute.already-open",
                "Dispute %s is already open with another reason; a refund or milestone is disputed once."
                        .formatted(disputeId));
    }

    // Checks.

    private boolean isOpened() {
        return kind != null;
    }

    private static void requireIdOf(String given, String expected) {
        if (!expected.equals(given)) {
            throw RuleViolation.badRequest("disputeId", "disputeId.format",
                    "This dispute's id is %s, derived from what is disputed.".formatted(expected));
        }
    }

    /** Someone who is no party learns nothing, not even that the dispute exists; handlers act for no party. */
    private void requireParty(Actor actor) {
        boolean client = actor.role() == Role.CLIENT && actor.userId().equals(clientId);
        boolean freelancer = actor.role() == Role.FREELANCER && actor.userId().equals(freelancerId);
        if (!client && !freelancer) {
            throw RuleViolation.notFound("disputeId", "dispute.not-found",
                    "There is no dispute %s that you are a party to.".formatted(disputeId));
        }
    }

    private void requireClient(Actor actor, String action) {
        requireParty(actor);
        if (actor.role() != Role.CLIENT) {
            throw RuleViolation.forbidden("disputeId", "dispute.client-only",
                    "Only the client of contract %s can %s.".formatted(contractId, action));
        }
    }

    private void requireNotSettled() {
        if (resolution != null) {
            throw RuleViolation.conflict("disputeId", "dispute.settled",
                    "Dispute %s is already settled (%s).".formatted(disputeId, resolution));
        }
    }

    private void requireContested(String pastParticiple) {
        requireNotSettled();
        if (response == null) {
            throw RuleViolation.conflict("disputeId", "dispute.awaiting-response",
                    "The client has until %s to respond to dispute %s; it can be %s once contested."
                            .formatted(responseDueAt, disputeId, pastParticiple));
        }
    }

    private Proposal requireOpenProposal(int number) {
        requireNotSettled();
        if (proposal == null || proposal.number() != number) {
            throw RuleViolation.conflict("proposalNumber", "dispute.proposal-not-open",
                    "Proposal %d of dispute %s is not awaiting answers.".formatted(number, disputeId));
        }
        return proposal;
    }

    private static String rejectionKey(int proposalNumber, String userId) {
        return proposalNumber + "/" + userId;
    }

    private static Long version() {
        return AggregateLifecycle.getVersion();
    }

    // State.

    @EventSourcingHandler
    void on(DisputeOpenedEvent event) {
        disputeId = event.disputeId();
        kind = event.kind();
        contractId = event.contractId();
        milestoneId = event.milestoneId();
        clientId = event.clientId();
        freelancerId = event.freelancerId();
        disputedAmount = event.disputedAmount();
        reason = event.reason();
        responseDueAt = event.responseDueAt();
    }

    @EventSourcingHandler
    void on(DisputeRespondedEvent event) {
        response = event.response();
        statement = event.statement();
    }

    @EventSourcingHandler
    void on(DisputeSettlementProposedEvent event) {
        proposalCount = event.proposalNumber();
        proposal = Proposal.proposed(event.proposalNumber(), event.terms());
    }

    @EventSourcingHandler
    void on(DisputeProposalAcceptedEvent event) {
        proposal = proposal.acceptedBy(event.acceptedBy());
    }

    @EventSourcingHandler
    void on(DisputeProposalRejectedEvent event) {
        rejections.add(rejectionKey(event.proposalNumber(), event.rejectedBy()));
        proposal = null;
    }

    @EventSourcingHandler
    void on(DisputeProposalLapsedEvent event) {
        proposal = null;
    }

    @EventSourcingHandler
    void on(DisputeSettledEvent event) {
        resolution = event.resolution();
        settledTerms = event.terms();
        proposal = null;
    }
}
