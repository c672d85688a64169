package io.freelance.ledger.query.dispute;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.dispute.DisputeKind;
import io.freelance.ledger.dispute.DisputeOpenedEvent;
import io.freelance.ledger.dispute.DisputeOutcome;
import io.freelance.ledger.dispute.DisputeProposalAcceptedEvent;
import io.freelance.ledger.dispute.DisputeResolution;
import io.freelance.ledger.dispute.DisputeRespondedEvent;
import io.freelance.ledger.dispute.DisputeResponse;
import io.freelance.ledger.dispute.DisputeSettledEvent;
import io.freelance.ledger.dispute.DisputeSettlementProposedEvent;
import io.freelance.ledger.dispute.HourDisputeOpenedEvent;
import io.freelance.ledger.dispute.HourDisputeOutcome;
import io.freelance.ledger.dispute.HourDisputeRespondedEvent;
import io.freelance.ledger.dispute.HourDisputeResponse;
import io.freelance.ledger.dispute.HourDisputeSettledEvent;
import java.time.Instant;

/**
 * One dispute as the desk shows it, fixed-price or over an invoice's hours: who opened it against whom, the money
 * it holds, the response, the latest proposal and the settlement. Each transition returns a new value.
 *
 * @param invoiceId   the disputed invoice (hour disputes only)
 * @param milestoneId the disputed milestone (milestone disputes only)
 */
public record DisputeView(String id, DisputeKind kind, DisputeStatus status, String contractId, String invoiceId,
                          String milestoneId, String clientId, String freelancerId, String openedBy, Role openedByRole,
                          Money disputedAmount, String reason, Instant openedAt, Instant responseDueAt,
                          DisputeResponse response, String statement, Instant respondedAt,
                          DisputeProposalView proposal, DisputeSettlementView settlement) {

    static DisputeView opened(DisputeOpenedEvent event) {
        return new DisputeView(event.disputeId(), event.kind(), DisputeStatus.AWAITING_RESPONSE, event.contractId(),
                null, event.milestoneId(), event.clientId(), event.freelancerId(), event.openedBy(),
                event.openedByRole(), event.disputedAmount(), event.reason(), event.openedAt(), event.responseDueAt(),
                null, null, null, null, null);
    }

    /** The client opened it; the freelancer responds. */
    static DisputeView hoursDisputed(HourDisputeOpenedEvent event) {
        return new DisputeView(event.disputeId(), DisputeKind.HOURS, DisputeStatus.AWAITING_RESPONSE,
                event.contractId(), event.invoiceId(), null, event.clientId(), event.freelancerId(), event.clientId(),
                Role.CLIENT, event.disputedAmount(), event.reason(), event.disputedAt(), event.responseDueAt(), null,
                null, null, null, null);
    }

    DisputeView responded(DisputeRespondedEvent event) {
        DisputeStatus next = event.response() == DisputeResponse.CONTEST ? DisputeStatus.CONTESTED : status;
        return new DisputeView(id, kind, next, contractId, invoiceId, milestoneId, clientId, freelancerId, openedBy,
                openedByRole, disputedAmount, reason, openedAt, responseDueAt, event.response(), event.statement(),
                event.respondedAt(), proposal, settlement);
    }

    DisputeView hoursResponded(HourDisputeRespondedEvent event) {
        boolean contested = event.response() == HourDisputeResponse.CONTEST;
        return new DisputeView(id, kind, contested ? DisputeStatus.CONTESTED : status, contractId, invoiceId,
                milestoneId, clientId, freelancerId, openedBy, openedByRole, disputedAmount, reason, openedAt,
                responseDueAt, contested ? DisputeResponse.CONTEST : DisputeResponse.CONCEDE, event.note(),
                event.respondedAt(), proposal, settlement);
    }

    DisputeView proposed(DisputeSettlementProposedEvent event) {
        return withProposal(DisputeStatus.PROPOSED, DisputeProposalView.proposed(event));
    }

    DisputeView proposalAccepted(DisputeProposalAcceptedEvent event) {
        return withProposal(status, proposal.acceptedBy(event.acceptedBy()));
    }

    /** Rejected or lapsed: the proposal is off the table and the dispute is back with the handler. */
    DisputeView proposalEnded(ProposalStatus how) {
        return withProposal(status == DisputeStatus.SETTLED ? status : DisputeStatus.CONTESTED, proposal.withStatus(how));
    }

    DisputeView settled(DisputeSettledEvent event) {
        DisputeProposalView last = proposal == null ? null
                : event.resolution() == DisputeResolution.AGREED_BY_PARTIES ? proposal.withStatus(ProposalStatus.ACCEPTED)
                : proposal.status() == ProposalStatus.OPEN ? proposal.withStatus(ProposalStatus.LAPSED) : proposal;
        return new DisputeView(id, kind, DisputeStatus.SETTLED, contractId, invoiceId, milestoneId, clientId,
                freelancerId, openedBy, openedByRole, disputedAmount, reason, openedAt, responseDueAt, response,
                statement, respondedAt, last, new DisputeSettlementView(event.resolution(), event.terms().outcome(),
                event.terms().releaseAmount(), event.terms().refundAmount(), event.decidedBy(), event.decidedByRole(),
                event.note(), event.settledAt()));
    }

    /** An hour dispute's refund is the client's share; the rest of the disputed hours is paid to the freelancer. */
    DisputeView hoursSettled(HourDisputeSettledEvent event) {
        Money refunded = event.refundedAmount();
        Money released = disputedAmount.minus(refunded);
        DisputeOutcome outcome = refunded.isZero() ? DisputeOutcome.RELEASE_TO_FREELANCER
                : released.isZero() ? DisputeOutcome.REFUND_TO_CLIENT : DisputeOutcome.SPLIT;
        return new DisputeView(id, kind, DisputeStatus.SETTLED, contractId, invoiceId, milestoneId, clientId,
                freelancerId, openedBy, openedByRole, disputedAmount, reason, openedAt, responseDueAt, response,
                statement, respondedAt, proposal, new DisputeSettlementView(resolutionOf(event.outcome()), outcome,
                released, refunded, event.decidedBy(), event.decidedByRole(), event.note(), event.settledAt()));
    }

    /** The next moment the dispute moves without anyone acting: the response deadline, or the proposal's. */
    public Instant nextDeadline() {
        return switch (status) {
            case AWAITING_RESPONSE -> responseDueAt;
            case PROPOSED -> proposal.answerDueAt();
            default -> null;
        };
    }

    public boolean hasParty(String userId) {
        return clientId.equals(userId) || freelancerId.equals(userId);
    }

    private DisputeView withProposal(DisputeStatus next, DisputeProposalView latest) {
        return new DisputeView(id, kind, next, contractId, invoiceId, milestoneId, clientId, freelancerId, openedBy,
                openedByRole, disputedAmount, reason, openedAt, responseDueAt, response, statement, respondedAt, latest,
                settlement);
    }

    private static DisputeResolution resolutionOf(HourDisputeOutcome outcome) {
        return switch (outcome) {
            case REFUND_ACCEPTED -> DisputeResolution.CONCEDED;
            case DECIDED_BY_HANDLER -> DisputeResolution.DECIDED_BY_HANDLER;
            case DECIDED_BY_RULES -> DisputeResolution.NO_RESPONSE_IN_TIME;
        };
    }
}
