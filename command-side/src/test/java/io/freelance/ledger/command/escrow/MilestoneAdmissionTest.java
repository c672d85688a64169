package io.freelance.ledger.command.escrow;

import static io.freelance.ledger.command.escrow.EscrowScenario.CHANGES;
import static io.freelance.ledger.command.escrow.EscrowScenario.CONTRACT_ID;
import static io.freelance.ledger.command.escrow.EscrowScenario.ESCROW_ID;
import static io.freelance.ledger.command.escrow.EscrowScenario.M1;
import static io.freelance.ledger.command.escrow.EscrowScenario.NOTE;
import static io.freelance.ledger.command.escrow.EscrowScenario.closedBy;
import static io.freelance.ledger.command.escrow.EscrowScenario.fundedWithNewMoney;
import static io.freelance.ledger.command.escrow.EscrowScenario.opened;
import static io.freelance.ledger.command.escrow.EscrowScenario.submitted;
import static io.freelance.ledger.command.escrow.EscrowScenario.usd;
import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.CLIENT_ID_AS_FREELANCER;
import static io.freelance.ledger.command.testing.People.FREELANCER;
import static io.freelance.ledger.command.testing.People.OTHER_CLIENT;
import static io.freelance.ledger.command.testing.People.as;
import static io.freelance.ledger.command.testing.Violations.badRequest;
import static io.freelance.ledger.command.testing.Violations.conflict;
import static io.freelance.ledger.command.testing.Violations.notFound;

import io.freelance.ledger.common.Role;
import io.freelance.ledger.escrow.DeleteMilestoneCommand;
import io.freelance.ledger.escrow.EditMilestoneCommand;
import io.freelance.ledger.escrow.MilestoneDeletedEvent;
import io.freelance.ledger.escrow.RequestMilestoneChangesCommand;
import io.freelance.ledger.escrow.SubmitMilestoneCommand;
import org.junit.jupiter.api.Test;

/**
 * A milestone decides its own submissions, change requests, edits and deletion, but the account admits those
 * commands first: from a party in the right role, while the account is open, for a milestone it has. These
 * checks come before anything the milestone looks at, and a refusal records nothing.
 */
class MilestoneAdmissionTest extends EscrowAccountTestBase {

    @Test
    void submittingUnknownMilestoneIsNotFound() {
        fixture.given(opened(earlier))
                .when(new SubmitMilestoneCommand(ESCROW_ID, "m9", NOTE), as(FREELANCER))
                .expectNoEvents()
                .expectException(notFound("milestoneId", "milestone.not-found"));
    }

    @Test
    void requestingChangesToUnknownMilestoneIsNotFound() {
        fixture.given(opened(earlier))
                .when(new RequestMilestoneChangesCommand(ESCROW_ID, "m9", CHANGES), as(CLIENT))
                .expectNoEvents()
                .expectException(notFound("milestoneId", "milestone.not-found"));
    }

    @Test
    void deletedMilestoneTakesNoMoreCommands() {
        fixture.given(opened(earlier), new MilestoneDeletedEvent(ESCROW_ID, CONTRACT_ID, "m3"))
                .when(new EditMilestoneCommand(ESCROW_ID, "m3", "Launch later", null, null), as(CLIENT))
                .expectNoEvents()
                .expectException(notFound("milestoneId", "milestone.not-found"));
    }

    @Test
    void commandForAMilestoneNeedsItsId() {
        fixture.given(opened(earlier))
                .when(new DeleteMilestoneCommand(ESCROW_ID, null), as(CLIENT))
                .expectNoEvents()
                .expectException(badRequest("milestoneId", "milestoneId.required"));
    }

    @Test
    void milestoneIdOfTheWrongFormatIsRefused() {
        fixture.given(opened(earlier))
                .when(new SubmitMilestoneCommand(ESCROW_ID, "m1/../m2", NOTE), as(FREELANCER))
                .expectNoEvents()
                .expectException(badRequest("milestoneId", "milestoneId.format"));
    }

    /** Someone who is not a party learns nothing, not even which milestones the contract has. */
    @Test
    void nonPartyAskingAboutAnUnknownMilestoneLearnsNothing() {
        fixture.given(opened(earlier))
                .when(new RequestMilestoneChangesCommand(ESCROW_ID, "m9", CHANGES), as(OTHER_CLIENT))
                .expectNoEvents()
                .expectException(notFound("contractId", "contract.not-found"));
    }

    @Test
    void clientIdPresentedAsFreelancerCannotSubmit() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier))
                .when(new SubmitMilestoneCommand(ESCROW_ID, "m1", NOTE), as(CLIENT_ID_AS_FREELANCER))
                .expectNoEvents()
                .expectException(notFound("contractId", "contract.not-found"));
    }

    @Test
    void nothingCanBeEditedAfterTheAccountClosed() {
        fixture.given(opened(earlier), closedBy(CLIENT.userId(), Role.CLIENT, "0.00", earlier))
                .when(new EditMilestoneCommand(ESCROW_ID, "m2", null, usd("120.00"), null), as(CLIENT))
                .expectNoEvents()
                .expectException(conflict("contractId", "escrow.closed"));
    }

    @Test
    void nothingCanBeDeletedAfterTheAccountClosed() {
        fixture.given(opened(earlier), closedBy(CLIENT.userId(), Role.CLIENT, "0.00", earlier))
                .when(new DeleteMilestoneCommand(ESCROW_ID, "m2"), as(CLIENT))
                .expectNoEvents()
                .expectException(conflict("contractId", "escrow.closed"));
    }

    @Test
    void noChangesCanBeRequestedAfterTheAccountClosed() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier), submitted("m1", 1, earlier),
                        closedBy(FREELANCER.userId(), Role.FREELANCER, "100.00", earlier))
                .when(new RequestMilestoneChangesCommand(ESCROW_ID, "m1", CHANGES), as(CLIENT))
                .expectNoEvents()
                .expectException(conflict("contractId", "escrow.closed"));
    }

    /** The account's checks come first: a closed account is reported before what the milestone would refuse. */
    @Test
    void closedAccountIsReportedBeforeAMissingNote() {
        fixture.given(opened(earlier), fundedWithNewMoney(M1, "fund-1", "5.00", earlier),
                        closedBy(CLIENT.userId(), Role.CLIENT, "0.00", earlier))
                .when(new SubmitMilestoneCommand(ESCROW_ID, "m1", " "), as(FREELANCER))
                .expectNoEvents()
                .expectException(conflict("contractId", "escrow.closed"));
    }
}
