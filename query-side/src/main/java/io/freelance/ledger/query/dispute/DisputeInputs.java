package io.freelance.ledger.query.dispute;

import io.freelance.ledger.dispute.DisputeOutcome;
import io.freelance.ledger.dispute.DisputeResponse;
import io.freelance.ledger.query.graphql.MoneyInput;
import java.time.OffsetDateTime;
import java.util.List;

/** The input objects of the dispute desk's mutations, as the schema declares them. */
public final class DisputeInputs {

    private DisputeInputs() {
    }

    public record OpenMilestoneDisputeInput(String contractId, String milestoneId, String reason) {
    }

    public record RespondToDisputeInput(String disputeId, DisputeResponse response, String statement) {
    }

    public record ProposeDisputeSettlementInput(String disputeId, DisputeOutcome outcome, MoneyInput releaseAmount,
                                                MoneyInput refundAmount, String note) {
    }

    public record AcceptDisputeProposalInput(String disputeId, Integer proposalNumber) {
    }

    public record RejectDisputeProposalInput(String disputeId, Integer proposalNumber, String reason) {
    }

    public record DecideDisputeInput(String disputeId, DisputeOutcome outcome, MoneyInput releaseAmount,
                                     MoneyInput refundAmount, List<OffsetDateTime> refundedCellDateTimes, String note) {
    }
}
