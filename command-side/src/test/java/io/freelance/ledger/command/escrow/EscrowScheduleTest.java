package io.freelance.ledger.command.escrow;

import static io.freelance.ledger.command.escrow.EscrowScenario.CONTRACT_ID;
import static io.freelance.ledger.command.escrow.EscrowScenario.DUE_DATE;
import static io.freelance.ledger.command.escrow.EscrowScenario.ESCROW_ID;
import static io.freelance.ledger.command.escrow.EscrowScenario.M1;
import static io.freelance.ledger.command.escrow.EscrowScenario.M2;
import static io.freelance.ledger.command.escrow.EscrowScenario.M3;
import static io.freelance.ledger.command.escrow.EscrowScenario.closedBy;
import static io.freelance.ledger.command.escrow.EscrowScenario.fundedWithNewMoney;
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

import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.contract.MilestoneTerms;
import io.freelance.ledger.escrow.AddMilestoneCommand;
import io.freelance.ledger.escrow.DeleteMilestoneCommand;
import io.freelance.ledger.escrow.EditMilestoneCommand;
import io.freelance.ledger.escrow.MilestoneAddedEvent;
import io.freelance.ledger.escrow.MilestoneDeletedEvent;
import io.freelance.ledger.escrow.MilestoneEditedEvent;
import io.freelance.ledger.escrow.MilestonesReorderedEvent;
import io.freelance.ledger.escrow.ReorderMilestonesCommand;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client shapes the milestone schedule; milestones that were funded are fixed. */
class EscrowScheduleTest {

    private static final MilestoneTerms EXTRA = terms("m4", "Maintenance", "80.00");

    private AggregateTestFixture<EscrowAccount> fixture;
    private Instant earlier;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(EscrowAccount.class);
        fixture.registerInjectableResource(EscrowPolicy.defaults());
        earlier = fixture.currentTime().minus(Duration.ofDays(1));
    }

    @Test
    void clientAddsMilestoneAtTheEnd() {
        fixture.given(opened(earlier))
                .when(new AddMilestoneCommand(ESCROW_ID, EXTRA), as(CLIENT))
                .expectEvents(new MilestoneAddedEvent(ESCROW_ID, CONTRACT_ID, EXTRA, 3))
                .expectResultMessagePayload(1L);
    }

    @Test
    void addingTheSameMilestoneAgainChangesNothing() {
        fixture.given(opened(earlier), new MilestoneAddedEvent(ESCROW_ID, CONTRACT_ID, EXTRA, 3))
                .when(new AddMilestoneCommand(ESCROW_ID, EXTRA), as(CLIENT))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void milestoneIdWithOtherTermsIsAConflict() {
        fixture.given(opened(earlier))
                .when(new AddMilestoneCommand(ESCROW_ID, terms("m1", "Something else", "100.00")), as(CLIENT))
                .expectException(conflict("milestoneId", "milestoneId.taken"));
    }

    @Test
    void idOfADeletedMilestoneStaysTaken() {
        fixture.given(opened(earlier), new MilestoneDeletedEvent(ESCROW_ID, CONTRACT_ID, "m3"))
                .when(new AddMilestoneCommand(ESCROW_ID, M3), as(CLIENT))
                .expectException(conflict("milestoneId", "milestoneId.taken"));
    }

    @Test
    void addedDepositOfZeroIsRefused() {
        fixture.given(opened(earlier))
                .when(new AddMilestoneCommand(ESCROW_ID, terms("m4", "Extra", "0.00")), as(CLIENT))
                .expectException(badRequest("depositAmount.amount", "amount.positive"));
    }

    @Test
    void addedNegativeDepositIsRefused() {
        fixture.given(opened(earlier))
                .when(new AddMilestoneCommand(ESCROW_ID, terms("m4", "Extra", "-5.00")), as(CLIENT))
                .expectException(badRequest("depositAmount.amount", "amount.positive"));
    }

    @Test
    void addedDepositBelowFiveIsRefused() {
        fixture.given(opened(earlier))
                .when(new AddMilestoneCommand(ESCROW_ID, terms("m4", "Extra", "4.99")), as(CLIENT))
                .expectException(badRequest("depositAmount.amount", "amount.minimum"));
    }

    @Test
    void addedDepositAboveTheMaximumIsRefused() {
        fixture.given(opened(earlier))
                .when(new AddMilestoneCommand(ESCROW_ID, terms("m4", "Extra", "1000000.01")), as(CLIENT))
                .expectNoEvents()
                .expectException(badRequest("depositAmount.amount", "amount.maximum"));
    }

    @Test
    void addedDescriptionWithANulCharacterIsRefused() {
        fixture.given(opened(earlier))
                .when(new AddMilestoneCommand(ESCROW_ID, terms("m4", "Extra\u0000", "50.00")), as(CLIENT))
                .expectNoEvents()
                .expectException(badRequest("description", "description.control-characters"));
    }

    @Test
    void addedDepositInAnotherCurrencyIsRefused() {
        var inYen = new MilestoneTerms("m4", "Extra", Money.of("1000", "JPY"), DUE_DATE);
        fixture.given(opened(earlier))
                .when(new AddMilestoneCommand(ESCROW_ID, inYen), as(CLIENT))
                .expectException(badRequest("depositAmount.currency", "currency.mismatch"));
    }

    @Test
    void addedMilestoneNeedsADescription() {
        fixture.given(opened(earlier))
                .when(new AddMilestoneCommand(ESCROW_ID, terms("m4", null, "50.00")), as(CLIENT))
                .expectException(badRequest("description", "description.required"));
    }

    @Test
    void freelancerCannotAddMilestones() {
        fixture.given(opened(earlier))
                .when(new AddMilestoneCommand(ESCROW_ID, EXTRA), as(FREELANCER))
                .expectException(forbidden("contractId", "contract.client-only"));
    }

    @Test
    void nonPartyCannotAddMilestones() {
        fixture.given(opened(earlier))
                .when(new AddMilestoneCommand(ESCROW_ID, EXTRA), as(OTHER_CLIENT))
                .expectException(notFound("contractId", "contract.not-found"));
    }

    @Test
    void nothingCanBeAddedAfterTheAccountClosed() {
        fixture.given(opened(earlier), closedBy(CLIENT.userId(), Role.CLIENT, "0.00", earlier))
                .when(new AddMilestoneCommand(ESCROW_ID, EXTRA), as(CLIENT))
                .expectException(conflict("contractId", "escrow.closed"));
    }

    @Test
    void clientEditsUnfundedMilestone() {
        LocalDate later = DUE_DATE.plusMonths(1);
        fixture.given(opened(earlier))
                .when(new EditMilestoneCommand(ESCROW_ID, "m2", null, usd("120.00"), later), as(CLIENT))
                .expectEvents(new MilestoneEditedEvent(ESCROW_ID, CONTRACT_ID,
                        new MilestoneTerms("m2", M2.description(), usd("120.00"), later)))
                .expectResultMessagePayload(1L);
    }

    @Test
    void editThatChangesNothingRecordsNothing() {
        fixture.given(opened(earlier))
                .when(new EditMilestoneCommand(ESCROW_ID, "m2", M2.description(), null, null), as(CLIENT))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void fundedMilestoneCannotBeEdited() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier))
                .when(new EditMilestoneCommand(ESCROW_ID, "m1", "New scope", null, null), as(CLIENT))
                .expectException(conflict("milestoneId", "milestone.funded"));
    }

    @Test
    void editedDepositBelowFiveIsRefused() {
        fixture.given(opened(earlier))
                .when(new EditMilestoneCommand(ESCROW_ID, "m2", null, usd("4.00"), null), as(CLIENT))
                .expectException(badRequest("depositAmount.amount", "amount.minimum"));
    }

    @Test
    void editedDepositAboveTheMaximumIsRefused() {
        fixture.given(opened(earlier))
                .when(new EditMilestoneCommand(ESCROW_ID, "m2", null, usd("1000000.01"), null), as(CLIENT))
                .expectNoEvents()
                .expectException(badRequest("depositAmount.amount", "amount.maximum"));
    }

    @Test
    void editedDescriptionWithAnEscapeSequenceIsRefused() {
        fixture.given(opened(earlier))
                .when(new EditMilestoneCommand(ESCROW_ID, "m2", "\u001b]0;pwned\u0007", null, null), as(CLIENT))
                .expectNoEvents()
                .expectException(badRequest("description", "description.control-characters"));
    }

    @Test
    void editingUnknownMilestoneIsNotFound() {
        fixture.given(opened(earlier))
                .when(new EditMilestoneCommand(ESCROW_ID, "m9", "New", null, null), as(CLIENT))
                .expectException(notFound("milestoneId", "milestone.not-found"));
    }

    @Test
    void freelancerCannotEditMilestones() {
        fixture.given(opened(earlier))
                .when(new EditMilestoneCommand(ESCROW_ID, "m2", "New", null, null), as(FREELANCER))
                .expectException(forbidden("contractId", "contract.client-only"));
    }

    @Test
    void clientReordersUnfundedMilestones() {
        fixture.given(opened(earlier))
                .when(new ReorderMilestonesCommand(ESCROW_ID, List.of("m3", "m1", "m2")), as(CLIENT))
                .expectEvents(new MilestonesReorderedEvent(ESCROW_ID, CONTRACT_ID, List.of("m3", "m1", "m2")))
                .expectResultMessagePayload(1L);
    }

    @Test
    void fundedMilestoneKeepsItsPlaceWhileOthersMove() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier))
                .when(new ReorderMilestonesCommand(ESCROW_ID, List.of("m1", "m3", "m2")), as(CLIENT))
                .expectEvents(new MilestonesReorderedEvent(ESCROW_ID, CONTRACT_ID, List.of("m1", "m3", "m2")));
    }

    @Test
    void fundedMilestoneCannotMove() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier))
                .when(new ReorderMilestonesCommand(ESCROW_ID, List.of("m2", "m1", "m3")), as(CLIENT))
                .expectException(conflict("milestoneIds", "milestone.funded-position"));
    }

    @Test
    void newOrderMustNameEveryMilestone() {
        fixture.given(opened(earlier))
                .when(new ReorderMilestonesCommand(ESCROW_ID, List.of("m2", "m1")), as(CLIENT))
                .expectException(badRequest("milestoneIds", "milestoneIds.permutation"));
    }

    @Test
    void newOrderMustNameEachMilestoneOnce() {
        fixture.given(opened(earlier))
                .when(new ReorderMilestonesCommand(ESCROW_ID, List.of("m2", "m2", "m1")), as(CLIENT))
                .expectException(badRequest("milestoneIds", "milestoneIds.permutation"));
    }

    @Test
    void newOrderCannotNameUnknownMilestones() {
        fixture.given(opened(earlier))
                .when(new ReorderMilestonesCommand(ESCROW_ID, List.of("m2", "m9", "m1")), as(CLIENT))
                .expectException(badRequest("milestoneIds", "milestoneIds.permutation"));
    }

    @Test
    void clientDeletesUnfundedMilestone() {
        fixture.given(opened(earlier))
                .when(new DeleteMilestoneCommand(ESCROW_ID, "m3"), as(CLIENT))
                .expectEvents(new MilestoneDeletedEvent(ESCROW_ID, CONTRACT_ID, "m3"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void fundedMilestoneCannotBeDeleted() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier))
                .when(new DeleteMilestoneCommand(ESCROW_ID, "m1"), as(CLIENT))
                .expectException(conflict("milestoneId", "milestone.funded"));
    }

    @Test
    void deletingUnknownMilestoneIsNotFound() {
        fixture.given(opened(earlier))
                .when(new DeleteMilestoneCommand(ESCROW_ID, "m9"), as(CLIENT))
                .expectException(notFound("milestoneId", "milestone.not-found"));
    }

    @Test
    void freelancerCannotDeleteMilestones() {
        fixture.given(opened(earlier))
                .when(new DeleteMilestoneCommand(ESCROW_ID, "m3"), as(FREELANCER))
                .expectException(forbidden("contractId", "contract.client-only"));
    }
}
