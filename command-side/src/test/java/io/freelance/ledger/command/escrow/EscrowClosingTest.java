package io.freelance.ledger.command.escrow;

import static io.freelance.ledger.command.escrow.EscrowScenario.ESCROW_ID;
import static io.freelance.ledger.command.escrow.EscrowScenario.M1;
import static io.freelance.ledger.command.escrow.EscrowScenario.REFUND_WINDOW;
import static io.freelance.ledger.command.escrow.EscrowScenario.approved;
import static io.freelance.ledger.command.escrow.EscrowScenario.closedBy;
import static io.freelance.ledger.command.escrow.EscrowScenario.fundedWithNewMoney;
import static io.freelance.ledger.command.escrow.EscrowScenario.opened;
import static io.freelance.ledger.command.escrow.EscrowScenario.refundDisputed;
import static io.freelance.ledger.command.escrow.EscrowScenario.refundRequested;
import static io.freelance.ledger.command.escrow.EscrowScenario.refunded;
import static io.freelance.ledger.command.escrow.EscrowScenario.submitted;
import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.FREELANCER;
import static io.freelance.ledger.command.testing.People.OTHER_CLIENT;
import static io.freelance.ledger.command.testing.People.SYSTEM;
import static io.freelance.ledger.command.testing.People.as;
import static io.freelance.ledger.command.testing.Violations.badRequest;
import static io.freelance.ledger.command.testing.Violations.conflict;
import static io.freelance.ledger.command.testing.Violations.forbidden;
import static io.freelance.ledger.command.testing.Violations.notFound;

import io.freelance.ledger.common.Role;
import io.freelance.ledger.escrow.CloseEscrowAccountCommand;
import io.freelance.ledger.escrow.DisputeRefundCommand;
import io.freelance.ledger.escrow.RefundReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When the contract ends the account closes. Money still held goes back to the client: at once when the
 * freelancer ended the contract, otherwise after 7 days unless the freelancer disputes.
 */
class EscrowClosingTest extends EscrowAccountTestBase {

    private static final String DISPUTE_REASON = "The work was delivered on time.";


    @Test
    void closingAnEmptyAccountMovesNoMoney() {
        fixture.given(opened(earlier))
                .when(closeAfterEndBy(CLIENT.userId(), Role.CLIENT), as(SYSTEM))
                .expectEvents(closedBy(CLIENT.userId(), Role.CLIENT, "0.00", now))
                .expectResultMessagePayload(1L)
                .expectNoScheduledDeadlines();
    }

    @Test
    void clientEndingWithMoneyHeldRequestsARefundDueInSevenDays() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier))
                .when(closeAfterEndBy(CLIENT.userId(), Role.CLIENT), as(SYSTEM))
                .expectEvents(closedBy(CLIENT.userId(), Role.CLIENT, "100.00", now), refundRequested("100.00", now))
                .expectResultMessagePayload(3L)
                .expectScheduledDeadline(REFUND_WINDOW, new RefundDeadline(now.plus(REFUND_WINDOW)));
    }

    @Test
    void freelancerEndingGivesTheHeldMoneyBackAtOnce() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier), submitted("m1", 1, earlier))
                .when(closeAfterEndBy(FREELANCER.userId(), Role.FREELANCER), as(SYSTEM))
                .expectEvents(closedBy(FREELANCER.userId(), Role.FREELANCER, "100.00", now),
                        refunded(List.of("m1"), "100.00", RefundReason.FREELANCER_ENDED_CONTRACT, now))
                .expectNoScheduledDeadlines();
    }

    @Test
    void remainderOfAPartialApprovalIsRefundedToo() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier),
                        approved(M1, "approve-1", "60.00", "6.00", earlier))
                .when(closeAfterEndBy(FREELANCER.userId(), Role.FREELANCER), as(SYSTEM))
                .expectEvents(closedBy(FREELANCER.userId(), Role.FREELANCER, "40.00", now),
                        refunded(List.of(), "40.00", RefundReason.FREELANCER_ENDED_CONTRACT, now));
    }

    @Test
    void closingTwiceDoesNothingTheSecondTime() {
        fixture.given(opened(earlier), closedBy(CLIENT.userId(), Role.CLIENT, "0.00", earlier))
                .when(closeAfterEndBy(CLIENT.userId(), Role.CLIENT), as(SYSTEM))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void onlyTheServiceClosesAnAccount() {
        fixture.given(opened(earlier))
                .when(closeAfterEndBy(CLIENT.userId(), Role.CLIENT), as(CLIENT))
                .expectException(forbidden("contractId", "escrow.system-only"));
    }

    @Test
    void freelancerDisputesTheRefund() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier),
                        closedBy(CLIENT.userId(), Role.CLIENT, "100.00", earlier), refundRequested("100.00", earlier))
                .when(new DisputeRefundCommand(ESCROW_ID, DISPUTE_REASON), as(FREELANCER))
                .expectEvents(refundDisputed("100.00", DISPUTE_REASON, now))
                .expectResultMessagePayload(4L);
    }

    @Test
    void disputingTwiceDoesNothingTheSecondTime() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier),
                        closedBy(CLIENT.userId(), Role.CLIENT, "100.00", earlier), refundRequested("100.00", earlier),
                        refundDisputed("100.00", DISPUTE_REASON, earlier))
                .when(new DisputeRefundCommand(ESCROW_ID, DISPUTE_REASON), as(FREELANCER))
                .expectNoEvents();
    }

    @Test
    void thereIsNothingToDisputeWithoutARefundRequest() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier))
                .when(new DisputeRefundCommand(ESCROW_ID, DISPUTE_REASON), as(FREELANCER))
                .expectException(conflict("contractId", "refund.state"));
    }

    @Test
    void completedRefundCannotBeDisputed() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier),
                        closedBy(CLIENT.userId(), Role.CLIENT, "100.00", earlier), refundRequested("100.00", earlier),
                        refunded(List.of("m1"), "100.00", RefundReason.NOT_DISPUTED_IN_TIME, earlier))
                .when(new DisputeRefundCommand(ESCROW_ID, DISPUTE_REASON), as(FREELANCER))
                .expectException(conflict("contractId", "refund.state"));
    }

    @Test
    void disputeNeedsAReason() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier),
                        closedBy(CLIENT.userId(), Role.CLIENT, "100.00", earlier), refundRequested("100.00", earlier))
                .when(new DisputeRefundCommand(ESCROW_ID, ""), as(FREELANCER))
                .expectException(badRequest("reason", "reason.required"));
    }

    @Test
    void clientCannotDisputeTheRefund() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier),
                        closedBy(CLIENT.userId(), Role.CLIENT, "100.00", earlier), refundRequested("100.00", earlier))
                .when(new DisputeRefundCommand(ESCROW_ID, DISPUTE_REASON), as(CLIENT))
                .expectException(forbidden("contractId", "contract.freelancer-only"));
    }

    @Test
    void nonPartyCannotDisputeTheRefund() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier),
                        closedBy(CLIENT.userId(), Role.CLIENT, "100.00", earlier), refundRequested("100.00", earlier))
                .when(new DisputeRefundCommand(ESCROW_ID, DISPUTE_REASON), as(OTHER_CLIENT))
                .expectException(notFound("contractId", "contract.not-found"));
    }

    private static CloseEscrowAccountCommand closeAfterEndBy(String userId, Role role) {
        return new CloseEscrowAccountCommand(ESCROW_ID, userId, role);
    }
}
