package io.freelance.ledger.command.dispute;

import static io.freelance.ledger.command.testing.People.FREELANCER;
import static io.freelance.ledger.command.testing.People.as;
import static io.freelance.ledger.command.testing.Violations.badRequest;
import static io.freelance.ledger.command.testing.Violations.conflict;
import static io.freelance.ledger.command.testing.Violations.forbidden;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.common.AggregateVersions;
import io.freelance.ledger.common.AggregateVersions.AggregateVersion;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.escrow.EscrowAccountId;
import io.freelance.ledger.dispute.DisputeId;
import io.freelance.ledger.dispute.OpenMilestoneDisputeCommand;
import io.freelance.ledger.dispute.OpenRefundDisputeCommand;
import org.junit.jupiter.api.Test;

/** Opening a fixed-price dispute: the register pauses the contract first, then the escrow holds the money. */
class DisputeOpeningTest extends DisputeTestBase {

    @Test
    void theFreelancerDisputesTheRefundAndTheClientHasThreeDaysToRespond() {
        fixture.givenCurrentTime(OPENED_AT)
                .when(openRefund(), as(FREELANCER))
                .expectEvents(refundOpened())
                .expectScheduledDeadline(RESPONSE_DUE, new ResponseDeadline(RESPONSE_DUE));
        assertThat(register.calls).containsExactly("opened " + REFUND_DISPUTE);
        assertThat(escrow.calls).containsExactly("dispute refund contract-1 by freelancer-1");
    }

    @Test
    void theFreelancerClaimsASubmittedMilestone() {
        fixture.givenCurrentTime(OPENED_AT)
                .when(openMilestone(), as(FREELANCER))
                .expectEvents(milestoneOpened())
                .expectScheduledDeadline(RESPONSE_DUE, new ResponseDeadline(RESPONSE_DUE));
        assertThat(escrow.calls).containsExactly("dispute milestone m2 by freelancer-1");
    }

    @Test
    void openingAnswersTheVersionsOfTheDisputeAndTheEscrowAccountToWaitFor() {
        fixture.givenCurrentTime(OPENED_AT)
                .when(openRefund(), as(FREELANCER))
                .expectResultMessagePayload(AggregateVersions.of(
                        new AggregateVersion("Dispute", REFUND_DISPUTE, 0),
                        new AggregateVersion("EscrowAccount", EscrowAccountId.forContract(CONTRACT_ID), 5)));
    }

    @Test
    void theSameOpeningAgainChangesNothing() {
        fixture.givenCurrentTime(OPENED_AT)
                .andGivenCommands(by(FREELANCER, openRefund()))
                .when(openRefund(), as(FREELANCER))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
        assertThat(register.calls).hasSize(1);
        assertThat(escrow.calls).hasSize(1);
    }

    @Test
    void aRefundIsDisputedOnce() {
        fixture.givenCurrentTime(OPENED_AT)
                .andGiven(refundOpened())
                .when(new OpenRefundDisputeCommand(REFUND_DISPUTE, CONTRACT_ID, "Another reason."), as(FREELANCER))
                .expectNoEvents()
                .expectException(conflict("disputeId", "dispute.already-open"));
    }

    @Test
    void theDisputeIdDerivesFromWhatIsDisputed() {
        fixture.givenNoPriorActivity()
                .when(new OpenMilestoneDisputeCommand(DisputeId.forMilestone(CONTRACT_ID, "m3"), CONTRACT_ID,
                        MILESTONE_ID, REASON), as(FREELANCER))
                .expectNoEvents()
                .expectException(badRequest("disputeId", "disputeId.format"));
    }

    @Test
    void aDisputeNeedsAReason() {
        fixture.givenNoPriorActivity()
                .when(new OpenRefundDisputeCommand(REFUND_DISPUTE, CONTRACT_ID, " "), as(FREELANCER))
                .expectNoEvents()
                .expectException(badRequest("reason", "reason.required"));
        assertThat(register.calls).isEmpty();
    }

    @Test
    void whatTheEscrowRefusesOpensNoDispute() {
        escrow.refusal = RuleViolation.forbidden("contractId", "contract.freelancer-only", "Only the freelancer.");
        fixture.givenNoPriorActivity()
                .when(openMilestone(), as(FREELANCER))
                .expectNoEvents()
                .expectException(forbidden("contractId", "contract.freelancer-only"));
    }
}
