package io.freelance.ledger.command.dispute;

import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.FREELANCER;
import static io.freelance.ledger.command.testing.People.OTHER_CLIENT;
import static io.freelance.ledger.command.testing.People.as;
import static io.freelance.ledger.command.testing.Violations.badRequest;
import static io.freelance.ledger.command.testing.Violations.conflict;
import static io.freelance.ledger.command.testing.Violations.forbidden;
import static io.freelance.ledger.command.testing.Violations.notFound;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.dispute.DisputeOutcome;
import io.freelance.ledger.dispute.DisputeResolution;
import io.freelance.ledger.dispute.DisputeRespondedEvent;
import io.freelance.ledger.dispute.DisputeResponse;
import io.freelance.ledger.dispute.DisputeTerms;
import io.freelance.ledger.dispute.RespondToDisputeCommand;
import org.junit.jupiter.api.Test;

/** The client's three days: contest, concede, or say nothing and let the freelancer win. */
class DisputeResponseTest extends DisputeTestBase {

    private static final DisputeTerms ALL_TO_FREELANCER =
            new DisputeTerms(DisputeOutcome.RELEASE_TO_FREELANCER, usd("250.00"), usd("0.00"));

    @Test
    void theClientContestsWithAStatement() {
        refundDisputeThen(RESPONDED_AT)
                .when(contest(REFUND_DISPUTE), as(CLIENT))
                .expectEvents(new DisputeRespondedEvent(REFUND_DISPUTE, CONTRACT_ID, CLIENT.userId(), Role.CLIENT,
                        DisputeResponse.CONTEST, STATEMENT, RESPONDED_AT));
        assertThat(escrow.calls).isEmpty();
    }

    @Test
    void aConcedingClientSettlesForTheFreelancerAtOnce() {
        refundDisputeThen(RESPONDED_AT)
                .when(new RespondToDisputeCommand(REFUND_DISPUTE, DisputeResponse.CONCEDE, null), as(CLIENT))
                .expectEvents(
                        new DisputeRespondedEvent(REFUND_DISPUTE, CONTRACT_ID, CLIENT.userId(), Role.CLIENT,
                                DisputeResponse.CONCEDE, null, RESPONDED_AT),
                        settled(REFUND_DISPUTE, DisputeResolution.CONCEDED, ALL_TO_FREELANCER, CLIENT, null,
                                RESPONDED_AT));
        assertThat(register.calls).containsExactly("settled " + REFUND_DISPUTE);
        assertThat(escrow.calls).last().isEqualTo("settle %s release 250.00 USD refund 0.00 USD".formatted(REFUND_DISPUTE));
    }

    @Test
    void withoutAResponseInThreeDaysTheFreelancerWhoActedWins() {
        fixture.givenCurrentTime(OPENED_AT)
                .andGivenCommands(by(FREELANCER, openRefund()))
                .whenThenTimeAdvancesTo(RESPONSE_DUE)
                .expectEvents(settled(REFUND_DISPUTE, DisputeResolution.NO_RESPONSE_IN_TIME, ALL_TO_FREELANCER,
                        Actor.SYSTEM, null, RESPONSE_DUE));
        assertThat(escrow.calls).last().isEqualTo("settle %s release 250.00 USD refund 0.00 USD".formatted(REFUND_DISPUTE));
    }

    @Test
    void aContestedDisputeWaitsForTheDeskAfterTheResponseWindow() {
        fixture.givenCurrentTime(OPENED_AT)
                .andGivenCommands(by(FREELANCER, openRefund()), by(CLIENT, contest(REFUND_DISPUTE)))
                .whenThenTimeAdvancesTo(RESPONSE_DUE)
                .expectNoEvents();
        assertThat(escrow.calls).hasSize(1);
    }

    @Test
    void theFreelancerCannotRespondToTheirOwnDispute() {
        refundDisputeThen(RESPONDED_AT)
                .when(contest(REFUND_DISPUTE), as(FREELANCER))
                .expectNoEvents()
                .expectException(forbidden("disputeId", "dispute.client-only"));
    }

    @Test
    void someoneElseLearnsNothingOfTheDispute() {
        refundDisputeThen(RESPONDED_AT)
                .when(contest(REFUND_DISPUTE), as(OTHER_CLIENT))
                .expectNoEvents()
                .expectException(notFound("disputeId", "dispute.not-found"));
    }

    @Test
    void contestingNeedsAStatement() {
        refundDisputeThen(RESPONDED_AT)
                .when(new RespondToDisputeCommand(REFUND_DISPUTE, DisputeResponse.CONTEST, ""), as(CLIENT))
                .expectNoEvents()
                .expectException(badRequest("statement", "statement.required"));
    }

    @Test
    void aResponseIsRequired() {
        refundDisputeThen(RESPONDED_AT)
                .when(new RespondToDisputeCommand(REFUND_DISPUTE, null, STATEMENT), as(CLIENT))
                .expectNoEvents()
                .expectException(badRequest("response", "response.required"));
    }

    @Test
    void theSameResponseAgainChangesNothing() {
        contestedThen(RESPONDED_AT)
                .when(contest(REFUND_DISPUTE), as(CLIENT))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
        assertThat(escrow.calls).isEmpty();
    }

    @Test
    void aDisputeIsAnsweredOnce() {
        contestedThen(RESPONDED_AT)
                .when(new RespondToDisputeCommand(REFUND_DISPUTE, DisputeResponse.CONCEDE, null), as(CLIENT))
                .expectNoEvents()
                .expectException(conflict("disputeId", "dispute.already-responded"));
    }

    @Test
    void aLateResponseIsRefused() {
        refundDisputeThen(RESPONSE_DUE.plusSeconds(1))
                .when(contest(REFUND_DISPUTE), as(CLIENT))
                .expectNoEvents()
                .expectException(conflict("disputeId", "dispute.response-window-closed"));
    }
}
