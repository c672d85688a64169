package io.freelance.ledger.command.dispute;

import io.freelance.ledger.command.common.ContractParties;
import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.dispute.DisputeTerms;
import java.util.ArrayList;
import java.util.List;

/**
 * Stands in for the escrow account: answers with the contract's parties and a fixed disputed amount, remembers
 * what the dispute asked of it in order, and can refuse the way the account would.
 */
final class FakeDisputedEscrow implements DisputedEscrow {

    final List<String> calls = new ArrayList<>();
    private final ContractParties parties;
    private final Money amount;
    RuleViolation refusal;

    FakeDisputedEscrow(ContractParties parties, Money amount) {
        this.parties = parties;
        this.amount = amount;
    }

    @Override
    public HeldByDispute disputeRefund(String contractId, Actor freelancer, String reason) {
        refuseIfAsked();
        calls.add("dispute refund " + contractId + " by " + freelancer.userId());
        return new HeldByDispute(parties, amount, 5);
    }

    @Override
    public HeldByDispute disputeMilestone(String contractId, String milestoneId, String disputeId,
                                                 Actor freelancer, String reason) {
        refuseIfAsked();
        calls.add("dispute milestone " + milestoneId + " by " + freelancer.userId());
        return new HeldByDispute(parties, amount, 5);
    }

    @Override
    public long settle(String contractId, String disputeId, String milestoneId, DisputeTerms terms) {
        calls.add("settle %s release %s refund %s".formatted(disputeId, terms.releaseAmount(), terms.refundAmount()));
        return 6;
    }

    private void refuseIfAsked() {
        if (refusal != null) {
            throw refusal;
        }
    }
}
