package io.freelance.ledger.command.escrow;

import static io.freelance.ledger.command.escrow.EscrowScenario.CLIENT_CHARGES;
import static io.freelance.ledger.command.escrow.EscrowScenario.CONTRACT_ID;
import static io.freelance.ledger.command.escrow.EscrowScenario.ESCROW;
import static io.freelance.ledger.command.escrow.EscrowScenario.ESCROW_ID;
import static io.freelance.ledger.command.escrow.EscrowScenario.M1;
import static io.freelance.ledger.command.escrow.EscrowScenario.M2;
import static io.freelance.ledger.command.escrow.EscrowScenario.MARKETPLACE_FEES;
import static io.freelance.ledger.command.escrow.EscrowScenario.approved;
import static io.freelance.ledger.command.escrow.EscrowScenario.closedBy;
import static io.freelance.ledger.command.escrow.EscrowScenario.fundedWithNewMoney;
import static io.freelance.ledger.command.escrow.EscrowScenario.leg;
import static io.freelance.ledger.command.escrow.EscrowScenario.milestoneEntry;
import static io.freelance.ledger.command.escrow.EscrowScenario.opened;
import static io.freelance.ledger.command.escrow.EscrowScenario.terms;
import static io.freelance.ledger.command.escrow.EscrowScenario.usd;
import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.FREELANCER;
import static io.freelance.ledger.command.testing.People.OTHER_CLIENT;
import static io.freelance.ledger.command.testing.People.as;
import static io.freelance.ledger.command.testing.Violations.badRequest;
import static io.freelance.ledger.command.testing.Violations.conflict;
import static io.freelance.ledger.command.testing.Violations.forbidden;
import static io.freelance.ledger.command.testing.Violations.notFound;

import io.freelance.ledger.common.Role;
import io.freelance.ledger.contract.MilestoneTerms;
import io.freelance.ledger.escrow.FundMilestoneCommand;
import io.freelance.ledger.escrow.MilestoneAddedEvent;
import io.freelance.ledger.escrow.MilestoneFundedEvent;
import org.junit.jupiter.api.Test;

/**
 * Funding moves the deposit from the client into escrow, plus a 5% marketplace fee on what is charged.
 * Money left in escrow by a partial approval pays for the next milestone first.
 */
class EscrowFundingTest extends EscrowAccountTestBase {

    @Test
    void fundingChargesTheClientTheDepositPlusFivePercent() {
        var entry = milestoneEntry("m1", "milestone-funding", now,
                leg(CLIENT_CHARGES, "-105.00"), leg(ESCROW, "100.00"), leg(MARKETPLACE_FEES, "5.00"));
        fixture.given(opened(earlier))
                .when(new FundMilestoneCommand(ESCROW_ID, "m1", "fund-1"), as(CLIENT))
                .expectEvents(new MilestoneFundedEvent(ESCROW_ID, CONTRACT_ID, "m1", "fund-1", usd("100.00"),
                        usd("0.00"), usd("100.00"), usd("5.00"), entry, now))
                .expectResultMessagePayload(1L);
    }

    @Test
    void marketplaceFeeIsRoundedHalfUpToTheCent() {
        MilestoneTerms odd = terms("m4", "Odd amount", "33.33");
        var entry = milestoneEntry("m4", "milestone-funding", now,
                leg(CLIENT_CHARGES, "-35.00"), leg(ESCROW, "33.33"), leg(MARKETPLACE_FEES, "1.67"));
        fixture.given(opened(earlier), new MilestoneAddedEvent(ESCROW_ID, CONTRACT_ID, odd, 3))
                .when(new FundMilestoneCommand(ESCROW_ID, "m4", "fund-4"), as(CLIENT))
                .expectEvents(new MilestoneFundedEvent(ESCROW_ID, CONTRACT_ID, "m4", "fund-4", usd("33.33"),
                        usd("0.00"), usd("33.33"), usd("1.67"), entry, now));
    }

    @Test
    void remainderOfAPartialApprovalPaysForTheNextMilestoneFirst() {
        var entry = milestoneEntry("m2", "milestone-funding", now,
                leg(CLIENT_CHARGES, "-63.00"), leg(ESCROW, "60.00"), leg(MARKETPLACE_FEES, "3.00"));
        fixture.given(opened(earlier),
                        fundedWithNewMoney(M1, "fund-1", "5.00", earlier),
                        approved(M1, "approve-1", "60.00", "6.00", earlier))
                .when(new FundMilestoneCommand(ESCROW_ID, "m2", "fund-2"), as(CLIENT))
                .expectEvents(new MilestoneFundedEvent(ESCROW_ID, CONTRACT_ID, "m2", "fund-2", usd("100.00"),
                        usd("40.00"), usd("60.00"), usd("3.00"), entry, now));
    }

    @Test
    void milestoneCoveredEntirelyByTheRemainderMovesNoMoney() {
        MilestoneTerms small = terms("m4", "Small fix", "30.00");
        fixture.given(opened(earlier),
                        new MilestoneAddedEvent(ESCROW_ID, CONTRACT_ID, small, 3),
                        fundedWithNewMoney(M1, "fund-1", "5.00", earlier),
                        approved(M1, "approve-1", "60.00", "6.00", earlier))
                .when(new FundMilestoneCommand(ESCROW_ID, "m4", "fund-4"), as(CLIENT))
                .expectEvents(new MilestoneFundedEvent(ESCROW_ID, CONTRACT_ID, "m4", "fund-4", usd("30.00"),
                        usd("30.00"), usd("0.00"), usd("0.00"), null, now));
    }

    @Test
    void repeatedFundingRequestChargesNothingAgain() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier))
                .when(new FundMilestoneCommand(ESCROW_ID, "m1", "fund-1"), as(CLIENT))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void idempotencyKeyReusedForAnotherMilestoneIsAConflict() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier),
                        approved(M1, "approve-1", "100.00", "10.00", earlier))
                .when(new FundMilestoneCommand(ESCROW_ID, "m2", "fund-1"), as(CLIENT))
                .expectNoEvents()
                .expectException(conflict("idempotencyKey", "idempotencyKey.reused"));
    }

    @Test
    void anotherRequestForAFundedMilestoneIsAConflict() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier))
                .when(new FundMilestoneCommand(ESCROW_ID, "m1", "fund-1b"), as(CLIENT))
                .expectException(conflict("milestoneId", "milestone.already-funded"));
    }

    @Test
    void onlyOneMilestoneIsActiveAtATime() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier))
                .when(new FundMilestoneCommand(ESCROW_ID, "m2", "fund-2"), as(CLIENT))
                .expectNoEvents()
                .expectException(conflict("milestoneId", "milestone.one-active"));
    }

    @Test
    void nextMilestoneCanBeFundedOnceThePreviousIsReleased() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier),
                        approved(M1, "approve-1", "100.00", "10.00", earlier))
                .when(new FundMilestoneCommand(ESCROW_ID, "m2", "fund-2"), as(CLIENT))
                .expectEvents(fundedWithNewMoney(M2, "fund-2", "5.00", now));
    }

    @Test
    void fundingUnknownMilestoneIsNotFound() {
        fixture.given(opened(earlier))
                .when(new FundMilestoneCommand(ESCROW_ID, "m9", "fund-9"), as(CLIENT))
                .expectException(notFound("milestoneId", "milestone.not-found"));
    }

    @Test
    void fundingNeedsAnIdempotencyKey() {
        fixture.given(opened(earlier))
                .when(new FundMilestoneCommand(ESCROW_ID, "m1", null), as(CLIENT))
                .expectNoEvents()
                .expectException(badRequest("idempotencyKey", "idempotencyKey.required"));
    }

    @Test
    void freelancerCannotFund() {
        fixture.given(opened(earlier))
                .when(new FundMilestoneCommand(ESCROW_ID, "m1", "fund-1"), as(FREELANCER))
                .expectException(forbidden("contractId", "contract.client-only"));
    }

    @Test
    void nonPartyCannotFund() {
        fixture.given(opened(earlier))
                .when(new FundMilestoneCommand(ESCROW_ID, "m1", "fund-1"), as(OTHER_CLIENT))
                .expectException(notFound("contractId", "contract.not-found"));
    }

    @Test
    void nothingCanBeFundedAfterTheAccountClosed() {
        fixture.given(opened(earlier), closedBy(CLIENT.userId(), Role.CLIENT, "0.00", earlier))
                .when(new FundMilestoneCommand(ESCROW_ID, "m1", "fund-1"), as(CLIENT))
                .expectException(conflict("contractId", "escrow.closed"));
    }
}
