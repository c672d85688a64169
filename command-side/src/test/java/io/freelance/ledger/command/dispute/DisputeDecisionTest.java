package io.freelance.ledger.command.dispute;

import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.FREELANCER;
import static io.freelance.ledger.command.testing.People.as;
import static io.freelance.ledger.command.testing.Violations.badRequest;
import static io.freelance.ledger.command.testing.Violations.conflict;
import static io.freelance.ledger.command.testing.Violations.forbidden;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.dispute.AcceptDisputeProposalCommand;
import io.freelance.ledger.dispute.DecideDisputeCommand;
import io.freelance.ledger.dispute.DisputeOutcome;
import io.freelance.ledger.dispute.DisputeResolution;
import io.freelance.ledger.dispute.DisputeTerms;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Only a dispute handler decides, on a contested dispute, and the escrow pays the decision to the cent. */
class DisputeDecisionTest extends DisputeTestBase {

    private static final Instant DECIDED_AT = RESPONDED_AT.plus(Duration.ofHours(5));

    @Test
    void aHandlerSplitsTheDisputedMoneyByExactAmounts() {
        contestedThen(DECIDED_AT)
                .when(decideSplit(REFUND_DISPUTE, "150.25", "99.75"), as(HANDLER))
                .expectEvents(settled(REFUND_DISPUTE, DisputeResolution.DECIDED_BY_HANDLER, split("150.25", "99.75"),
                        HANDLER, NOTE, DECIDED_AT));
        assertThat(register.calls).containsExactly("settled " + REFUND_DISPUTE);
        assertThat(escrow.calls).last()
                .isEqualTo("settle %s release 150.25 USD refund 99.75 USD".formatted(REFUND_DISPUTE));
    }

    @Test
    void aHandlerRefundsEverythingToTheClient() {
        contestedThen(DECIDED_AT)
                .when(new DecideDisputeCommand(REFUND_DISPUTE, DisputeOutcome.REFUND_TO_CLIENT, null, null, NOTE),
                        as(HANDLER))
                .expectEvents(settled(REFUND_DISPUTE, DisputeResolution.DECIDED_BY_HANDLER,
                        new DisputeTerms(DisputeOutcome.REFUND_TO_CLIENT, usd("0.00"), usd("250.00")), HANDLER, NOTE,
                        DECIDED_AT));
    }

    @Test
    void aHandlerReleasesAMilestoneToTheFreelancer() {
        fixture.givenCurrentTime(OPENED_AT)
                .andGivenCommands(by(FREELANCER, openMilestone()))
                .andGivenCommands(by(CLIENT, contest(MILESTONE_DISPUTE)))
                .when(new DecideDisputeCommand(MILESTONE_DISPUTE, DisputeOutcome.RELEASE_TO_FREELANCER, null, null,
                        NOTE), as(HANDLER))
                .expectEvents(settled(MILESTONE_DISPUTE, DisputeResolution.DECIDED_BY_HANDLER,
                        new DisputeTerms(DisputeOutcome.RELEASE_TO_FREELANCER, usd("250.00"), usd("0.00")), HANDLER,
                        NOTE, OPENED_AT));
    }

    @Test
    void aPartyCannotDecide() {
        contestedThen(DECIDED_AT)
                .when(decideSplit(REFUND_DISPUTE, "150.25", "99.75"), as(FREELANCER))
                .expectNoEvents()
                .expectException(forbidden("disputeId", "dispute.handler-only"));
    }

    @Test
    void financeCannotDecide() {
        contestedThen(DECIDED_AT)
                .when(decideSplit(REFUND_DISPUTE, "150.25", "99.75"), as(FINANCE))
                .expectNoEvents()
                .expectException(forbidden("disputeId", "dispute.handler-only"));
    }

    @Test
    void theClientHasItsThreeDaysBeforeAnyDecision() {
        refundDisputeThen(DECIDED_AT)
                .when(decideSplit(REFUND_DISPUTE, "150.25", "99.75"), as(HANDLER))
                .expectNoEvents()
                .expectException(conflict("disputeId", "dispute.awaiting-response"));
    }

    @Test
    void aDecisionExplainsItself() {
        contestedThen(DECIDED_AT)
                .when(new DecideDisputeCommand(REFUND_DISPUTE, DisputeOutcome.REFUND_TO_CLIENT, null, null, null),
                        as(HANDLER))
                .expectNoEvents()
                .expectException(badRequest("note", "note.required"));
    }

    @Test
    void theSameDecisionAgainChangesNothing() {
        contestedThen(DECIDED_AT, by(HANDLER, decideSplit(REFUND_DISPUTE, "150.25", "99.75")))
                .when(decideSplit(REFUND_DISPUTE, "150.25", "99.75"), as(HANDLER))
                .expectNoEvents();
        assertThat(escrow.calls).hasSize(1);
    }

    @Test
    void aSettledDisputeIsNotDecidedAgain() {
        contestedThen(DECIDED_AT, by(HANDLER, decideSplit(REFUND_DISPUTE, "150.25", "99.75")))
                .when(decideSplit(REFUND_DISPUTE, "100.00", "150.00"), as(HANDLER))
                .expectNoEvents()
                .expectException(conflict("disputeId", "dispute.settled"));
    }

    @Test
    void aDecisionTakesAnOpenProposalOffTheTable() {
        contestedThen(DECIDED_AT, by(HANDLER, proposeSplit(REFUND_DISPUTE, "100.00", "150.00")),
                by(HANDLER, decideSplit(REFUND_DISPUTE, "150.25", "99.75")))
                .when(new AcceptDisputeProposalCommand(REFUND_DISPUTE, 1), as(CLIENT))
                .expectNoEvents()
                .expectException(conflict("disputeId", "dispute.settled"));
    }
}
