package io.freelance.ledger.command.escrow;

import static io.freelance.ledger.command.escrow.EscrowScenario.CONTRACT_ID;
import static io.freelance.ledger.command.escrow.EscrowScenario.DUE_DATE;
import static io.freelance.ledger.command.escrow.EscrowScenario.ESCROW_ID;
import static io.freelance.ledger.command.escrow.EscrowScenario.M1;
import static io.freelance.ledger.command.escrow.EscrowScenario.approved;
import static io.freelance.ledger.command.escrow.EscrowScenario.approvedBy;
import static io.freelance.ledger.command.escrow.EscrowScenario.bonusPaid;
import static io.freelance.ledger.command.escrow.EscrowScenario.closedBy;
import static io.freelance.ledger.command.escrow.EscrowScenario.fundedWithNewMoney;
import static io.freelance.ledger.command.escrow.EscrowScenario.opened;
import static io.freelance.ledger.command.escrow.EscrowScenario.released;
import static io.freelance.ledger.command.escrow.EscrowScenario.terms;
import static io.freelance.ledger.command.escrow.EscrowScenario.usd;
import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.as;
import static io.freelance.ledger.command.testing.Violations.conflict;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.contract.MilestoneTerms;
import io.freelance.ledger.escrow.AddMilestoneCommand;
import io.freelance.ledger.escrow.ApproveMilestoneCommand;
import io.freelance.ledger.escrow.FundMilestoneCommand;
import io.freelance.ledger.escrow.MilestoneAddedEvent;
import io.freelance.ledger.escrow.MilestoneDeletedEvent;
import io.freelance.ledger.escrow.MilestoneEditedEvent;
import io.freelance.ledger.escrow.ReleaseReason;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An idempotency key, as the id derived from it, names one request: repeated with the same arguments it
 * records nothing and answers as the first time, whatever happened since; with other arguments it is
 * refused as a reused key. The account learns what each key was used for from its events alone, so the
 * fixture, which rebuilds the account from the given events for every command, also shows the decision
 * surviving a restart.
 */
class EscrowIdempotencyTest extends EscrowAccountTestBase {

    /** The API derives an added milestone's id from the key, so the id stands for the key here. */
    private static final MilestoneTerms EXTRA = terms("added-1", "Maintenance", "80.00");

    // Adding a milestone: the terms are the arguments.

    @Test
    void addRetriedAfterTheMilestoneWasEditedAddsNothing() {
        MilestoneTerms edited = terms("added-1", "Maintenance and hosting", "120.00");
        fixture.given(opened(earlier), new MilestoneAddedEvent(ESCROW_ID, CONTRACT_ID, EXTRA, 3),
                        new MilestoneEditedEvent(ESCROW_ID, CONTRACT_ID, edited))
                .when(new AddMilestoneCommand(ESCROW_ID, EXTRA), as(CLIENT))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void addRetriedAfterTheMilestoneWasDeletedAddsNothing() {
        fixture.given(opened(earlier), new MilestoneAddedEvent(ESCROW_ID, CONTRACT_ID, EXTRA, 3),
                        new MilestoneDeletedEvent(ESCROW_ID, CONTRACT_ID, "added-1"))
                .when(new AddMilestoneCommand(ESCROW_ID, EXTRA), as(CLIENT))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    static Stream<Arguments> otherTermsUnderTheSameKey() {
        return Stream.of(
                Arguments.of("another description", new MilestoneTerms("added-1", "Hosting", usd("80.00"), DUE_DATE)),
                Arguments.of("another deposit", new MilestoneTerms("added-1", "Maintenance", usd("80.01"), DUE_DATE)),
                Arguments.of("another due date",
                        new MilestoneTerms("added-1", "Maintenance", usd("80.00"), DUE_DATE.plusDays(1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherTermsUnderTheSameKey")
    void addKeyReusedWithOtherTermsIsRefused(String difference, MilestoneTerms other) {
        fixture.given(opened(earlier), new MilestoneAddedEvent(ESCROW_ID, CONTRACT_ID, EXTRA, 3))
                .when(new AddMilestoneCommand(ESCROW_ID, other), as(CLIENT))
                .expectNoEvents()
                .expectException(conflict("idempotencyKey", "idempotencyKey.reused"));
    }

    /** An edit is a change of its own, not a new first use of the key: the key still stands for the terms first added. */
    @Test
    void addRetriedWithTheEditedTermsIsRefused() {
        MilestoneTerms edited = terms("added-1", "Maintenance and hosting", "120.00");
        fixture.given(opened(earlier), new MilestoneAddedEvent(ESCROW_ID, CONTRACT_ID, EXTRA, 3),
                        new MilestoneEditedEvent(ESCROW_ID, CONTRACT_ID, edited))
                .when(new AddMilestoneCommand(ESCROW_ID, edited), as(CLIENT))
                .expectNoEvents()
                .expectException(conflict("idempotencyKey", "idempotencyKey.reused"));
    }

    // Funding: the milestone is the argument.

    @Test
    void fundingRetriedAfterTheReleaseChargesNothing() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier),
                        approved(M1, "approve-1", "100.00", "10.00", earlier))
                .when(new FundMilestoneCommand(ESCROW_ID, "m1", "fund-1"), as(CLIENT))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void fundingRetriedAfterTheAccountClosedChargesNothing() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier),
                        closedBy(CLIENT.userId(), Role.CLIENT, "100.00", earlier))
                .when(new FundMilestoneCommand(ESCROW_ID, "m1", "fund-1"), as(CLIENT))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void fundingKeyReusedToApproveIsRefused() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "key-1", "5.00", earlier))
                .when(approval("m1", null, null, null, "key-1"), as(CLIENT))
                .expectNoEvents()
                .expectException(conflict("idempotencyKey", "idempotencyKey.reused"));
    }

    // Approval: milestone, release amount, bonus and note are the arguments.

    static Stream<Arguments> otherApprovalsUnderTheSameKey() {
        return Stream.of(
                Arguments.of("another milestone", approval("m2", usd("60.00"), usd("20.00"), "Great work", "approve-1")),
                Arguments.of("another release amount", approval("m1", usd("70.00"), usd("20.00"), "Great work", "approve-1")),
                Arguments.of("the whole deposit", approval("m1", null, usd("20.00"), "Great work", "approve-1")),
                Arguments.of("another bonus", approval("m1", usd("60.00"), usd("25.00"), "Great work", "approve-1")),
                Arguments.of("no bonus", approval("m1", usd("60.00"), null, "Great work", "approve-1")),
                Arguments.of("another note", approval("m1", usd("60.00"), usd("20.00"), "Good work", "approve-1")),
                Arguments.of("no note", approval("m1", usd("60.00"), usd("20.00"), null, "approve-1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherApprovalsUnderTheSameKey")
    void approvalKeyReusedWithOtherArgumentsIsRefused(String difference, ApproveMilestoneCommand other) {
        ApproveMilestoneCommand first = approval("m1", usd("60.00"), usd("20.00"), "Great work", "approve-1");
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier),
                        approvedBy(first, M1, "60.00", "6.00", earlier), bonusPaid("m1", "20.00", "2.00", "1.00", earlier))
                .when(other, as(CLIENT))
                .expectNoEvents()
                .expectNoScheduledDeadlines()
                .expectException(conflict("idempotencyKey", "idempotencyKey.reused"));
    }

    @Test
    void approvalRetriedAfterTheAccountClosedPaysNothing() {
        ApproveMilestoneCommand first = approval("m1", usd("60.00"), null, null, "approve-1");
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier),
                        approvedBy(first, M1, "60.00", "6.00", earlier),
                        closedBy(CLIENT.userId(), Role.CLIENT, "40.00", earlier))
                .when(first, as(CLIENT))
                .expectNoEvents()
                .expectResultMessagePayload(3L);
    }

    /** Approvals stored before fingerprints were recorded are told apart by their milestone alone, as then. */
    @Test
    void approvalStoredWithoutAFingerprintIsRepeatedByItsMilestoneAlone() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier),
                        released(M1, ReleaseReason.APPROVED_BY_CLIENT, "approve-1", "100.00", "10.00", null, earlier))
                .when(approval("m1", null, usd("20.00"), "Great work", "approve-1"), as(CLIENT))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void approvalStoredWithoutAFingerprintStillRefusesItsKeyForAnotherMilestone() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier),
                        released(M1, ReleaseReason.APPROVED_BY_CLIENT, "approve-1", "100.00", "10.00", null, earlier))
                .when(approval("m2", null, null, null, "approve-1"), as(CLIENT))
                .expectNoEvents()
                .expectException(conflict("idempotencyKey", "idempotencyKey.reused"));
    }

    private static ApproveMilestoneCommand approval(String milestoneId, Money releaseAmount, Money bonus, String note,
                                                    String idempotencyId) {
        return new ApproveMilestoneCommand(ESCROW_ID, milestoneId, releaseAmount, bonus, note, idempotencyId);
    }
}
