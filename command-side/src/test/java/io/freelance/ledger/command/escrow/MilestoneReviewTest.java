package io.freelance.ledger.command.escrow;

import static io.freelance.ledger.command.escrow.EscrowScenario.AUTO_RELEASE;
import static io.freelance.ledger.command.escrow.EscrowScenario.CHANGES;
import static io.freelance.ledger.command.escrow.EscrowScenario.ESCROW_ID;
import static io.freelance.ledger.command.escrow.EscrowScenario.M1;
import static io.freelance.ledger.command.escrow.EscrowScenario.NOTE;
import static io.freelance.ledger.command.escrow.EscrowScenario.SECURITY_PERIOD;
import static io.freelance.ledger.command.escrow.EscrowScenario.approved;
import static io.freelance.ledger.command.escrow.EscrowScenario.approvedBy;
import static io.freelance.ledger.command.escrow.EscrowScenario.bonusPaid;
import static io.freelance.ledger.command.escrow.EscrowScenario.changesRequested;
import static io.freelance.ledger.command.escrow.EscrowScenario.closedBy;
import static io.freelance.ledger.command.escrow.EscrowScenario.fundedWithNewMoney;
import static io.freelance.ledger.command.escrow.EscrowScenario.opened;
import static io.freelance.ledger.command.escrow.EscrowScenario.submitted;
import static io.freelance.ledger.command.escrow.EscrowScenario.usd;
import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.FREELANCER;
import static io.freelance.ledger.command.testing.People.OTHER_CLIENT;
import static io.freelance.ledger.command.testing.People.as;
import static io.freelance.ledger.command.testing.Violations.badRequest;
import static io.freelance.ledger.command.testing.Violations.conflict;
import static io.freelance.ledger.command.testing.Violations.forbidden;
import static io.freelance.ledger.command.testing.Violations.notFound;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.TextInput;
import io.freelance.ledger.escrow.ApproveMilestoneCommand;
import io.freelance.ledger.escrow.MilestoneReleasedEvent;
import io.freelance.ledger.escrow.RequestMilestoneChangesCommand;
import io.freelance.ledger.escrow.SubmitMilestoneCommand;
import org.junit.jupiter.api.Test;

/**
 * The freelancer submits, the client asks for changes or approves. Approval pays the freelancer's pending
 * balance less the 10% service fee; part of the deposit may be released, the rest stays in escrow.
 */
class MilestoneReviewTest extends EscrowAccountTestBase {

    @Test
    void freelancerSubmitsActiveMilestone() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier))
                .when(new SubmitMilestoneCommand(ESCROW_ID, "m1", NOTE), as(FREELANCER))
                .expectEvents(submitted("m1", 1, now))
                .expectResultMessagePayload(2L)
                .expectScheduledDeadline(AUTO_RELEASE, new AutoReleaseDeadline("m1", 1, now.plus(AUTO_RELEASE)));
    }

    @Test
    void freelancerResubmitsAfterChangesWereRequested() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier), submitted("m1", 1, earlier),
                        changesRequested("m1", earlier))
                .when(new SubmitMilestoneCommand(ESCROW_ID, "m1", NOTE), as(FREELANCER))
                .expectEvents(submitted("m1", 2, now));
    }

    @Test
    void unfundedMilestoneCannotBeSubmitted() {
        fixture.given(opened(earlier))
                .when(new SubmitMilestoneCommand(ESCROW_ID, "m1", NOTE), as(FREELANCER))
                .expectException(conflict("milestoneId", "milestone.state"));
    }

    @Test
    void submittedMilestoneCannotBeSubmittedAgain() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier), submitted("m1", 1, earlier))
                .when(new SubmitMilestoneCommand(ESCROW_ID, "m1", NOTE), as(FREELANCER))
                .expectException(conflict("milestoneId", "milestone.state"));
    }

    @Test
    void submissionNeedsANote() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier))
                .when(new SubmitMilestoneCommand(ESCROW_ID, "m1", "  "), as(FREELANCER))
                .expectException(badRequest("note", "note.required"));
    }

    @Test
    void clientCannotSubmitWork() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier))
                .when(new SubmitMilestoneCommand(ESCROW_ID, "m1", NOTE), as(CLIENT))
                .expectException(forbidden("contractId", "contract.freelancer-only"));
    }

    @Test
    void nothingCanBeSubmittedAfterTheAccountClosed() {
        fixture.given(opened(earlier), closedBy(CLIENT.userId(), Role.CLIENT, "0.00", earlier))
                .when(new SubmitMilestoneCommand(ESCROW_ID, "m1", NOTE), as(FREELANCER))
                .expectException(conflict("contractId", "escrow.closed"));
    }

    @Test
    void clientRequestsChangesToSubmittedWork() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier), submitted("m1", 1, earlier))
                .when(new RequestMilestoneChangesCommand(ESCROW_ID, "m1", CHANGES), as(CLIENT))
                .expectEvents(changesRequested("m1", now))
                .expectResultMessagePayload(3L);
    }

    @Test
    void changesCanOnlyBeRequestedOnSubmittedWork() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier))
                .when(new RequestMilestoneChangesCommand(ESCROW_ID, "m1", CHANGES), as(CLIENT))
                .expectException(conflict("milestoneId", "milestone.state"));
    }

    @Test
    void changeRequestNeedsAMessage() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier), submitted("m1", 1, earlier))
                .when(new RequestMilestoneChangesCommand(ESCROW_ID, "m1", null), as(CLIENT))
                .expectException(badRequest("message", "message.required"));
    }

    @Test
    void freelancerCannotRequestChanges() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier), submitted("m1", 1, earlier))
                .when(new RequestMilestoneChangesCommand(ESCROW_ID, "m1", CHANGES), as(FREELANCER))
                .expectException(forbidden("contractId", "contract.client-only"));
    }

    @Test
    void approvalReleasesTheWholeDepositLessTheServiceFee() {
        ApproveMilestoneCommand approval = approve(null, null, "Great work");
        MilestoneReleasedEvent release = approvedBy(approval, M1, "100.00", "10.00", now);
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier), submitted("m1", 1, earlier))
                .when(approval, as(CLIENT))
                .expectEvents(release)
                .expectResultMessagePayload(3L)
                .expectScheduledDeadline(SECURITY_PERIOD, new SecurityPeriodDeadline("m1",
                        release.journalEntry().entryId(), usd("90.00"), now.plus(SECURITY_PERIOD)));
    }

    @Test
    void partialApprovalLeavesTheRemainderInEscrow() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier), submitted("m1", 1, earlier))
                .when(approve(usd("60.00"), null, null), as(CLIENT))
                .expectEvents(approved(M1, "approve-1", "60.00", "6.00", now));
    }

    @Test
    void activeMilestoneCanBeApprovedWithoutASubmission() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier))
                .when(approve(null, null, null), as(CLIENT))
                .expectEvents(approvedBy(approve(null, null, null), M1, "100.00", "10.00", now));
    }

    @Test
    void milestoneWithChangesRequestedCanBeApproved() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier), submitted("m1", 1, earlier),
                        changesRequested("m1", earlier))
                .when(approve(null, null, null), as(CLIENT))
                .expectEvents(approvedBy(approve(null, null, null), M1, "100.00", "10.00", now));
    }

    @Test
    void bonusIsChargedSeparatelyWithBothFees() {
        ApproveMilestoneCommand approval = approve(null, usd("20.00"), null);
        MilestoneReleasedEvent release = approvedBy(approval, M1, "100.00", "10.00", now);
        var bonus = bonusPaid("m1", "20.00", "2.00", "1.00", now);
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier), submitted("m1", 1, earlier))
                .when(approval, as(CLIENT))
                .expectEvents(release, bonus)
                .expectScheduledDeadline(SECURITY_PERIOD, new SecurityPeriodDeadline("m1",
                        bonus.journalEntry().entryId(), usd("18.00"), now.plus(SECURITY_PERIOD)));
    }

    @Test
    void repeatedApprovalPaysNothingAgain() {
        ApproveMilestoneCommand approval = approve(usd("60.00"), usd("20.00"), "Great work");
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier),
                        approvedBy(approval, M1, "60.00", "6.00", earlier), bonusPaid("m1", "20.00", "2.00", "1.00", earlier))
                .when(approval, as(CLIENT))
                .expectNoEvents()
                .expectResultMessagePayload(3L)
                .expectNoScheduledDeadlines();
    }

    @Test
    void anotherApprovalOfAReleasedMilestoneIsAConflict() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier),
                        approved(M1, "approve-1", "100.00", "10.00", earlier))
                .when(new ApproveMilestoneCommand(ESCROW_ID, "m1", null, null, null, "approve-2"), as(CLIENT))
                .expectException(conflict("milestoneId", "milestone.state"));
    }

    @Test
    void releasingMoreThanTheDepositIsRefused() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier))
                .when(approve(usd("100.01"), null, null), as(CLIENT))
                .expectException(badRequest("releaseAmount.amount", "amount.exceeds-funded"));
    }

    @Test
    void releasingZeroIsRefused() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier))
                .when(approve(usd("0.00"), null, null), as(CLIENT))
                .expectException(badRequest("releaseAmount.amount", "amount.positive"));
    }

    @Test
    void releasingANegativeAmountIsRefused() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier))
                .when(approve(usd("-10.00"), null, null), as(CLIENT))
                .expectException(badRequest("releaseAmount.amount", "amount.positive"));
    }

    @Test
    void releaseInAnotherCurrencyIsRefused() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier))
                .when(approve(Money.of("50.00", "EUR"), null, null), as(CLIENT))
                .expectException(badRequest("releaseAmount.currency", "currency.mismatch"));
    }

    @Test
    void bonusOfZeroIsRefused() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier))
                .when(approve(null, usd("0.00"), null), as(CLIENT))
                .expectException(badRequest("bonus.amount", "amount.positive"));
    }

    @Test
    void releaseAboveTheMaximumIsRefused() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier))
                .when(approve(usd("1000000.01"), null, null), as(CLIENT))
                .expectNoEvents()
                .expectException(badRequest("releaseAmount.amount", "amount.maximum"));
    }

    @Test
    void bonusAboveTheMaximumIsRefused() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier))
                .when(approve(null, usd("1000000.01"), null), as(CLIENT))
                .expectNoEvents()
                .expectException(badRequest("bonus.amount", "amount.maximum"));
    }

    @Test
    void negativeBonusIsRefused() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier))
                .when(approve(null, usd("-1.00"), null), as(CLIENT))
                .expectNoEvents()
                .expectException(badRequest("bonus.amount", "amount.positive"));
    }

    @Test
    void approvalNoteWithControlCharactersIsRefused() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier))
                .when(approve(null, null, "Paid\u0007\u0007"), as(CLIENT))
                .expectNoEvents()
                .expectException(badRequest("note", "note.control-characters"));
    }

    @Test
    void submissionNoteWithAnAnsiEscapeSequenceIsRefused() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier))
                .when(new SubmitMilestoneCommand(ESCROW_ID, "m1", "Done \u001b[2J"), as(FREELANCER))
                .expectNoEvents()
                .expectException(badRequest("note", "note.control-characters"));
    }

    @Test
    void submissionNoteHasAtMost2000Characters() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier))
                .when(new SubmitMilestoneCommand(ESCROW_ID, "m1", "n".repeat(TextInput.NOTE_MAX_LENGTH + 1)), as(FREELANCER))
                .expectException(badRequest("note", "note.too-long"));
    }

    @Test
    void submissionNoteOf2000CharactersIsAccepted() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier))
                .when(new SubmitMilestoneCommand(ESCROW_ID, "m1", "n".repeat(TextInput.NOTE_MAX_LENGTH)), as(FREELANCER))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void changeRequestWithARightToLeftOverrideIsRefused() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier), submitted("m1", 1, earlier))
                .when(new RequestMilestoneChangesCommand(ESCROW_ID, "m1", "Fix \u202Eogol\u202C"), as(CLIENT))
                .expectNoEvents()
                .expectException(badRequest("message", "message.control-characters"));
    }

    @Test
    void unfundedMilestoneCannotBeApproved() {
        fixture.given(opened(earlier))
                .when(approve(null, null, null), as(CLIENT))
                .expectException(conflict("milestoneId", "milestone.state"));
    }

    @Test
    void approvingUnknownMilestoneIsNotFound() {
        fixture.given(opened(earlier))
                .when(new ApproveMilestoneCommand(ESCROW_ID, "m9", null, null, null, "approve-9"), as(CLIENT))
                .expectException(notFound("milestoneId", "milestone.not-found"));
    }

    @Test
    void freelancerCannotApprove() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier))
                .when(approve(null, null, null), as(FREELANCER))
                .expectException(forbidden("contractId", "contract.client-only"));
    }

    @Test
    void nonPartyCannotApprove() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier))
                .when(approve(null, null, null), as(OTHER_CLIENT))
                .expectException(notFound("contractId", "contract.not-found"));
    }

    @Test
    void approvalNeedsAnIdempotencyKey() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier))
                .when(new ApproveMilestoneCommand(ESCROW_ID, "m1", null, null, null, ""), as(CLIENT))
                .expectNoEvents()
                .expectException(badRequest("idempotencyKey", "idempotencyKey.required"));
    }

    private static ApproveMilestoneCommand approve(Money releaseAmount, Money bonus, String note) {
        return new ApproveMilestoneCommand(ESCROW_ID, "m1", releaseAmount, bonus, note, "approve-1");
    }
}
