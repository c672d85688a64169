package io.freelance.ledger.query.dispute;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.dispute.DisputeOutcome;
import io.freelance.ledger.dispute.DisputeSettlementProposedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A dispute handler's latest proposal and the parties' answers so far. */
public record DisputeProposalView(int number, ProposalStatus status, DisputeOutcome outcome, Money releaseAmount,
                                  Money refundAmount, String note, String proposedBy, Instant proposedAt,
                                  Instant answerDueAt, List<String> acceptedBy) {

    public DisputeProposalView {
        acceptedBy = List.copyOf(acceptedBy);
    }

    static DisputeProposalView proposed(DisputeSettlementProposedEvent event) {
        return new DisputeProposalView(event.proposalNumber(), ProposalStatus.OPEN, event.terms().outcome(),
                event.terms().releaseAmount(), event.terms().refundAmount(), event.note(), event.proposedBy(),
                event.proposedAt(), event.answerDueAt(), List.of());
    }

    DisputeProposalView acceptedBy(String userId) {
        List<String> accepted = new ArrayList<>(acceptedBy);
        if (!accepted.contains(userId)) {
            accepted.add(userId);
        }
        return new DisputeProposalView(number, status, outcome, releaseAmount, refundAmount, note, proposedBy,
                proposedAt, answerDueAt, accepted);
    }

    DisputeProposalView withStatus(ProposalStatus next) {
        return new DisputeProposalView(number, next, outcome, releaseAmount, refundAmount, note, proposedBy, proposedAt,
                answerDueAt, acceptedBy);
    }
}
