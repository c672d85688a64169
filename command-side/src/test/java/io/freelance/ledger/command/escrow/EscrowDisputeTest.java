package io.freelance.ledger.command.escrow;

import static io.freelance.ledger.command.escrow.EscrowScenario.CLIENT_REFUNDS;
import static io.freelance.ledger.command.escrow.EscrowScenario.CONTRACT_ID;
import static io.freelance.ledger.command.escrow.EscrowScenario.ESCROW;
import static io.freelance.ledger.command.escrow.EscrowScenario.ESCROW_ID;
import static io.freelance.ledger.command.escrow.EscrowScenario.M1;
import static io.freelance.ledger.command.escrow.EscrowScenario.PENDING;
import static io.freelance.ledger.command.escrow.EscrowScenario.RATES;
import static io.freelance.ledger.command.escrow.EscrowScenario.SECURITY_PERIOD;
import static io.freelance.ledger.command.escrow.EscrowScenario.SERVICE_FEES;
import static io.freelance.ledger.command.escrow.EscrowScenario.closedBy;
import static io.freelance.ledger.command.escrow.EscrowScenario.fundedWithNewMoney;
import static io.freelance.ledger.command.escrow.EscrowScenario.leg;
import static io.freelance.ledger.command.escrow.EscrowScenario.opened;
import static io.freelance.ledger.command.escrow.EscrowScenario.refundDisputed;
import static io.freelance.ledger.command.escrow.EscrowScenario.refundRequested;
import static io.freelance.ledger.command.escrow.EscrowScenario.refunded;
import static io.freelance.ledger.command.escrow.EscrowScenario.submitted;
import static io.freelance.ledger.command.escrow.EscrowScenario.usd;
import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.FREELANCER;
import static io.freelance.ledger.command.testing.People.SYSTEM;
import static io.freelance.ledger.command.testing.People.as;
import static io.freelance.ledger.command.testing.Violations.badRequest;
import static io.freelance.ledger.command.testing.Violations.conflict;
import static io.freelance.ledger.command.testing.Violations.forbidden;

import io.freelance.ledger.common.Role;
import io.freelance.ledger.dispute.DisputeId;
import io.freelance.ledger.escrow.ApproveMilestoneCommand;
import io.freelance.ledger.escrow.CloseEscrowAccountCommand;
import io.freelance.ledger.escrow.DisputeMilestoneCommand;
import io.freelance.ledger.escrow.EscrowAccountClosedEvent;
import io.freelance.ledger.escrow.EscrowDisputeSettledEvent;
import io.freelance.ledger.escrow.MilestoneDisputedEvent;
import io.freelance.ledger.escrow.RefundReason;
import io.freelance.ledger.escrow.SettleEscrowDisputeCommand;
import io.freelance.ledger.escrow.SubmitMilestoneCommand;
import io.freelance.ledger.ledger.EntryCause;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.JournalLeg;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the dispute desk asks of the escrow: hold a disputed milestone's deposit, and pay a settlement out in one
 * journal entry whose cause names the dispute. Milestone m1 holds 100.00 USD.
 */
class EscrowDisputeTest extends EscrowAccountTestBase {

    private static final String REASON = "The mock-ups were delivered.";
    private static final String MILESTONE_DISPUTE = DisputeId.forMilestone(CONTRACT_ID, "m1");
    private static final String REFUND_DISPUTE = DisputeId.forRefund(CONTRACT_ID);

    private MilestoneDisputedEvent m1Disputed(Instant at) {
        return new MilestoneDisputedEvent(ESCROW_ID, CONTRACT_ID, "m1", MILESTONE_DISPUTE, FREELANCER.userId(),
                usd("100.00"), REASON, at);
    }

    private static EscrowDisputeSettledEvent settled(String disputeId, String milestoneId, List<String> covered,
                                                     String released, String fee, String refunded, Instant at) {
        JournalEntry entry = new JournalEntry(JournalEntry.deterministicId(ESCROW_ID, disputeId, "dispute-settlement"),
                at, EntryCause.escrowDispute("dispute-settlement", CONTRACT_ID, milestoneId, disputeId), RATES,
                List.of(leg(ESCROW, "-" + usd(released).plus(usd(refunded)).amount().toPlainString()),
                        new JournalLeg(PENDING, usd(released).minus(usd(fee))), leg(SERVICE_FEES, fee),
                        leg(CLIENT_REFUNDS, refunded)));
        return new EscrowDisputeSettledEvent(ESCROW_ID, CONTRACT_ID, disputeId, CLIENT.userId(), FREELANCER.userId(),
                covered, usd(released), usd(fee), usd(refunded), entry, at, at.plus(SECURITY_PERIOD));
    }

    // Holding a disputed milestone.

    @Test
    void theFreelancerDisputesASubmittedMilestone() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier), submitted("m1", 1, earlier))
                .when(new DisputeMilestoneCommand(ESCROW_ID, "m1", MILESTONE_DISPUTE, REASON), as(FREELANCER))
                .expectEvents(m1Disputed(now));
    }

    @Test
    void disputingTheMilestoneAgainChangesNothing() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier), submitted("m1", 1, earlier),
                        m1Disputed(earlier))
                .when(new DisputeMilestoneCommand(ESCROW_ID, "m1", MILESTONE_DISPUTE, REASON), as(FREELANCER))
                .expectNoEvents();
    }

    @Test
    void onlySubmittedWorkCanBeDisputed() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier))
                .when(new DisputeMilestoneCommand(ESCROW_ID, "m1", MILESTONE_DISPUTE, REASON), as(FREELANCER))
                .expectNoEvents()
                .expectException(conflict("milestoneId", "milestone.state"));
    }

    @Test
    void theClientCannotDisputeAMilestone() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier), submitted("m1", 1, earlier))
                .when(new DisputeMilestoneCommand(ESCROW_ID, "m1", MILESTONE_DISPUTE, REASON), as(CLIENT))
                .expectNoEvents()
                .expectException(forbidden("contractId", "contract.freelancer-only"));
    }

    @Test
    void aDisputedMilestoneCannotBeApproved() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier), submitted("m1", 1, earlier),
                        m1Disputed(earlier))
                .when(new ApproveMilestoneCommand(ESCROW_ID, "m1", null, null, null, "approve-1"), as(CLIENT))
                .expectNoEvents()
                .expectException(conflict("milestoneId", "milestone.disputed"));
    }

    @Test
    void aDisputedMilestoneCannotBeResubmitted() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier), submitted("m1", 1, earlier),
                        m1Disputed(earlier))
                .when(new SubmitMilestoneCommand(ESCROW_ID, "m1", "Again."), as(FREELANCER))
                .expectNoEvents()
                .expectException(conflict("milestoneId", "milestone.disputed"));
    }

    @Test
    void theRefundAtContractEndLeavesADisputedDepositAlone() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier), submitted("m1", 1, earlier),
                        m1Disputed(earlier))
                .when(new CloseEscrowAccountCommand(ESCROW_ID, FREELANCER.userId(), Role.FREELANCER), as(SYSTEM))
                .expectEvents(new EscrowAccountClosedEvent(ESCROW_ID, CONTRACT_ID, FREELANCER.userId(), Role.FREELANCER,
                        usd("0.00"), now));
    }

    // Paying a settlement.

    @Test
    void aSplitOfAMilestoneIsPaidInOneEntryNamingTheDispute() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier), submitted("m1", 1, earlier),
                        m1Disputed(earlier))
                .when(new SettleEscrowDisputeCommand(ESCROW_ID, MILESTONE_DISPUTE, "m1", usd("60.25"), usd("39.75")),
                        as(SYSTEM))
                .expectEvents(settled(MILESTONE_DISPUTE, "m1", List.of("m1"), "60.25", "6.03", "39.75", now))
                .expectScheduledDeadlineOfType(SECURITY_PERIOD, SecurityPeriodDeadline.class);
    }

    @Test
    void aDisputedRefundIsSettledFromWhatEscrowHolds() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier),
                        closedBy(CLIENT.userId(), Role.CLIENT, "100.00", earlier), refundRequested("100.00", earlier),
                        refundDisputed("100.00", REASON, earlier))
                .when(new SettleEscrowDisputeCommand(ESCROW_ID, REFUND_DISPUTE, null, usd("0.00"), usd("100.00")),
                        as(SYSTEM))
                .expectEvents(refundSettled(now))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aSettledRefundIsNotRefundedAgainWhenTheOldDeadlineFires() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier),
                        closedBy(CLIENT.userId(), Role.CLIENT, "100.00", earlier), refundRequested("100.00", earlier),
                        refundDisputed("100.00", REASON, earlier), refundSettled(earlier))
                .whenThenTimeElapses(java.time.Duration.ofDays(8))
                .expectNoEvents();
    }

    @Test
    void settlingTheSameDisputeAgainChangesNothing() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier), submitted("m1", 1, earlier),
                        m1Disputed(earlier), settled(MILESTONE_DISPUTE, "m1", List.of("m1"), "60.25", "6.03", "39.75",
                                earlier))
                .when(new SettleEscrowDisputeCommand(ESCROW_ID, MILESTONE_DISPUTE, "m1", usd("60.25"), usd("39.75")),
                        as(SYSTEM))
                .expectNoEvents();
    }

    @Test
    void theSettlementMustAddUpToTheDisputedDeposit() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier), submitted("m1", 1, earlier),
                        m1Disputed(earlier))
                .when(new SettleEscrowDisputeCommand(ESCROW_ID, MILESTONE_DISPUTE, "m1", usd("60.25"), usd("39.76")),
                        as(SYSTEM))
                .expectNoEvents()
                .expectException(badRequest("releaseAmount", "dispute.amounts-sum"));
    }

    @Test
    void onlyTheServiceSettlesADispute() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier), submitted("m1", 1, earlier),
                        m1Disputed(earlier))
                .when(new SettleEscrowDisputeCommand(ESCROW_ID, MILESTONE_DISPUTE, "m1", usd("100.00"), usd("0.00")),
                        as(FREELANCER))
                .expectNoEvents()
                .expectException(forbidden("disputeId", "escrow.system-only"));
    }

    @Test
    void anUndisputedMilestoneIsNotSettled() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier), submitted("m1", 1, earlier))
                .when(new SettleEscrowDisputeCommand(ESCROW_ID, MILESTONE_DISPUTE, "m1", usd("100.00"), usd("0.00")),
                        as(SYSTEM))
                .expectNoEvents()
                .expectException(conflict("milestoneId", "milestone.not-disputed"));
    }

    @Test
    void anUndisputedRefundIsNotSettled() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier),
                        closedBy(CLIENT.userId(), Role.CLIENT, "100.00", earlier), refundRequested("100.00", earlier),
                        refunded(List.of("m1"), "100.00", RefundReason.NOT_DISPUTED_IN_TIME, earlier))
                .when(new SettleEscrowDisputeCommand(ESCROW_ID, REFUND_DISPUTE, null, usd("100.00"), usd("0.00")),
                        as(SYSTEM))
                .expectNoEvents()
                .expectException(conflict("contractId", "refund.not-disputed"));
    }

    private static EscrowDisputeSettledEvent refundSettled(Instant at) {
        JournalEntry entry = new JournalEntry(JournalEntry.deterministicId(ESCROW_ID, REFUND_DISPUTE, "dispute-settlement"),
                at, EntryCause.escrowDispute("dispute-settlement", CONTRACT_ID, null, REFUND_DISPUTE), RATES,
                List.of(leg(ESCROW, "-100.00"), leg(CLIENT_REFUNDS, "100.00")));
        return new EscrowDisputeSettledEvent(ESCROW_ID, CONTRACT_ID, REFUND_DISPUTE, CLIENT.userId(),
                FREELANCER.userId(), List.of("m1"), usd("0.00"), usd("0.00"), usd("100.00"), entry, at,
                at.plus(SECURITY_PERIOD));
    }
}
