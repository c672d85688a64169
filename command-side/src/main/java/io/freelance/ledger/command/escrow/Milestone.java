package io.freelance.ledger.command.escrow;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.contract.MilestoneTerms;
import io.freelance.ledger.escrow.MilestoneStatus;

/** One milestone of an escrow account's schedule; each transition returns the milestone after it. */
record Milestone(MilestoneTerms terms, MilestoneStatus status, int submissionCount) {

    static Milestone unfunded(MilestoneTerms terms) {
        return new Milestone(terms, MilestoneStatus.NOT_FUNDED, 0);
    }

    String id() {
        return terms.milestoneId();
    }

    Money deposit() {
        return terms.depositAmount();
    }

    /** Funding is for good: a funded milestone never returns to NOT_FUNDED, so its terms and place are fixed. */
    boolean wasFunded() {
        return status != MilestoneStatus.NOT_FUNDED;
    }

    Milestone withTerms(MilestoneTerms newTerms) {
        return new Milestone(newTerms, status, submissionCount);
    }

    Milestone withStatus(MilestoneStatus newStatus) {
        return new Milestone(terms, newStatus, submissionCount);
    }

    Milestone submitted(int submissionNumber) {
        return new Milestone(terms, MilestoneStatus.SUBMITTED, submissionNumber);
    }
}
