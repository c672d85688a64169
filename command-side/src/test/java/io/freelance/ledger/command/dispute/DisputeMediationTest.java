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

import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.dispute.AcceptDisputeProposalCommand;
import io.freelance.ledger.dispute.DisputeOutcome;
import io.freelance.ledger.dispute.DisputeProposalAcceptedEvent;
import io.freelance.ledger.dispute.DisputeProposalLapsedEvent;
import io.freelance.ledger.dispute.DisputeProposalRejectedEvent;
import io.freelance.ledger.dispute.DisputeResolution;
import io.freelance.ledger.dispute.DisputeSettlementProposedEvent;
import io.freelance.ledger.dispute.ProposeDisputeSettlementCommand;
import io.freelance.ledger.dispute.RejectDisputeProposalCommand;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A handler's proposal: both parties accept within two days and it settles; a rejection or silence ends it. */
class DisputeMediationTest extends DisputeTestBase {

    private static final Instant PROPOSED_AT = RESPONDED_AT.plus(Duration.ofHours(2));
    private static final Instant ANSWER_DUE = PROPOSED_AT.plus(Duration.ofDays(2));

    private static ProposeDisputeSettlementCommand proposal() {
        return proposeSplit(REFUND_DISPUTE, "150.25", "99.75");
    }

    private static DisputeSettlementProposedEvent proposed(int number, Instant at) {
        return new DisputeSettlementProposedEvent(REFUND_DISPUTE, CONTRACT_ID, number, split("150.25", "99.75"), NOTE,
                HANDLER.userId(), at, at.plus(Duration.ofDays(2)));
    }

    private static AcceptDisputeProposalCommand accept(int number) {
        return new AcceptDisputeProposalCommand(REFUND_DISPUTE, number);
    }

    @Test
    void aHandlerProposesASplitThePartiesHaveTwoDaysToAnswer() {
        contestedThen(PROPOSED_AT)
                .when(proposal(), as(HANDLER))
                .expectEvents(proposed(1, PROPOSED_AT))
                .expectScheduledDeadline(ANSWER_DUE, new ProposalDeadline(1, ANSWER_DUE));
    }

    @Test
    void onlyADisputeHandlerProposes() {
        contestedThen(PROPOSED_AT)
                .when(proposal(), as(CLIENT))
                .expectNoEvents()
                .expectException(forbidden("disputeId", "dispute.handler-only"));
    }

    @Test
    void nothingIsProposedBeforeTheClientResponds() {
        refundDisputeThen(RESPONDED_AT)
                .when(proposal(), as(HANDLER))
                .expectNoEvents()
                .expectException(conflict("disputeId", "dispute.awaiting-response"));
    }

    @Test
    void aSplitAddsUpToTheDisputedAmountExactly() {
        contestedThen(PROPOSED_AT)
                .when(proposeSplit(REFUND_DISPUTE, "150.25", "99.74"), as(HANDLER))
                .expectNoEvents()
                .expectException(badRequest("refundAmount", "split.sum"));
    }

    @Test
    void eachShareOfASplitIsAboveZero() {
        contestedThen(PROPOSED_AT)
                .when(proposeSplit(REFUND_DISPUTE, "250.00", "0.00"), as(HANDLER))
                .expectNoEvents()
                .expectException(badRequest("refundAmount.amount", "amount.positive"));
    }

    @Test
    void aSplitIsInTheDisputedCurrency() {
        contestedThen(PROPOSED_AT)
                .when(new ProposeDisputeSettlementCommand(REFUND_DISPUTE, DisputeOutcome.SPLIT, Money.of("150.25", "EUR"),
                        usd("99.75"), NOTE), as(HANDLER))
                .expectNoEvents()
                .expectException(badRequest("releaseAmount.currency", "currency.mismatch"));
    }

    @Test
    void aReleaseTakesNoAmounts() {
        contestedThen(PROPOSED_AT)
                .when(new ProposeDisputeSettlementCommand(REFUND_DISPUTE, DisputeOutcome.RELEASE_TO_FREELANCER,
                        usd("100.00"), null, NOTE), as(HANDLER))
                .expectNoEvents()
                .expectException(badRequest("releaseAmount", "amount.split-only"));
    }

    @Test
    void anOutcomeIsRequired() {
        contestedThen(PROPOSED_AT)
                .when(new ProposeDisputeSettlementCommand(REFUND_DISPUTE, null, null, null, NOTE), as(HANDLER))
                .expectNoEvents()
                .expectException(badRequest("outcome", "outcome.required"));
    }

    @Test
    void oneAcceptanceSettlesNothing() {
        contestedThen(PROPOSED_AT, by(HANDLER, proposal()))
                .when(accept(1), as(CLIENT))
                .expectEvents(new DisputeProposalAcceptedEvent(REFUND_DISPUTE, CONTRACT_ID, 1, CLIENT.userId(),
                        Role.CLIENT, PROPOSED_AT));
        assertThat(escrow.calls).isEmpty();
    }

    @Test
    void whenBothAcceptTheEscrowPaysTheProposedSplit() {
        contestedThen(PROPOSED_AT, by(HANDLER, proposal()), by(CLIENT, accept(1)))
                .when(accept(1), as(FREELANCER))
                .expectEvents(
                        new DisputeProposalAcceptedEvent(REFUND_DISPUTE, CONTRACT_ID, 1, FREELANCER.userId(),
                                Role.FREELANCER, PROPOSED_AT),
                        settled(REFUND_DISPUTE, DisputeResolution.AGREED_BY_PARTIES, split("150.25", "99.75"),
                                FREELANCER, null, PROPOSED_AT));
        assertThat(register.calls).last().isEqualTo("settled " + REFUND_DISPUTE);
        assertThat(escrow.calls).last()
                .isEqualTo("settle %s release 150.25 USD refund 99.75 USD".formatted(REFUND_DISPUTE));
    }

    @Test
    void acceptingAgainChangesNothing() {
        contestedThen(PROPOSED_AT, by(HANDLER, proposal()), by(CLIENT, accept(1)), by(FREELANCER, accept(1)))
                .when(accept(1), as(CLIENT))
                .expectNoEvents();
        assertThat(escrow.calls).hasSize(1);
    }

    @Test
    void aRejectionTakesTheProposalOffTheTable() {
        contestedThen(PROPOSED_AT, by(HANDLER, proposal()))
                .when(new RejectDisputeProposalCommand(REFUND_DISPUTE, 1, "Too little."), as(FREELANCER))
                .expectEvents(new DisputeProposalRejectedEvent(REFUND_DISPUTE, CONTRACT_ID, 1, FREELANCER.userId(),
                        Role.FREELANCER, "Too little.", PROPOSED_AT));
    }

    @Test
    void rejectingAgainChangesNothing() {
        contestedThen(PROPOSED_AT, by(HANDLER, proposal()), by(FREELANCER, new RejectDisputeProposalCommand(REFUND_DISPUTE, 1, null)))
                .when(new RejectDisputeProposalCommand(REFUND_DISPUTE, 1, null), as(FREELANCER))
                .expectNoEvents();
    }

    @Test
    void aRejectedProposalCannotBeAccepted() {
        contestedThen(PROPOSED_AT, by(HANDLER, proposal()), by(FREELANCER, new RejectDisputeProposalCommand(REFUND_DISPUTE, 1, null)))
                .when(accept(1), as(CLIENT))
                .expectNoEvents()
                .expectException(conflict("proposalNumber", "dispute.proposal-not-open"));
    }

    @Test
    void afterARejectionTheHandlerProposesAgain() {
        contestedThen(PROPOSED_AT, by(HANDLER, proposal()), by(FREELANCER, new RejectDisputeProposalCommand(REFUND_DISPUTE, 1, null)))
                .when(proposal(), as(HANDLER))
                .expectEvents(proposed(2, PROPOSED_AT));
    }

    @Test
    void anotherProposalWaitsUntilTheOpenOneIsAnswered() {
        contestedThen(PROPOSED_AT, by(HANDLER, proposal()))
                .when(proposeSplit(REFUND_DISPUTE, "100.00", "150.00"), as(HANDLER))
                .expectNoEvents()
                .expectException(conflict("disputeId", "dispute.proposal-open"));
    }

    @Test
    void theSameProposalAgainChangesNothing() {
        contestedThen(PROPOSED_AT, by(HANDLER, proposal()))
                .when(proposal(), as(HANDLER))
                .expectNoEvents();
    }

    @Test
    void anAnswerToAnotherProposalNumberIsRefused() {
        contestedThen(PROPOSED_AT, by(HANDLER, proposal()))
                .when(accept(2), as(CLIENT))
                .expectNoEvents()
                .expectException(conflict("proposalNumber", "dispute.proposal-not-open"));
    }

    @Test
    void onlyThePartiesAnswerAProposal() {
        contestedThen(PROPOSED_AT, by(HANDLER, proposal()))
                .when(accept(1), as(OTHER_CLIENT))
                .expectNoEvents()
                .expectException(notFound("disputeId", "dispute.not-found"));
    }

    @Test
    void aHandlerCannotAcceptForAParty() {
        contestedThen(PROPOSED_AT, by(HANDLER, proposal()))
                .when(accept(1), as(HANDLER))
                .expectNoEvents()
                .expectException(notFound("disputeId", "dispute.not-found"));
    }

    @Test
    void withoutBothAcceptancesInTwoDaysTheProposalLapses() {
        contestedThen(PROPOSED_AT, by(HANDLER, proposal()), by(CLIENT, accept(1)))
                .whenThenTimeAdvancesTo(ANSWER_DUE)
                .expectEvents(new DisputeProposalLapsedEvent(REFUND_DISPUTE, CONTRACT_ID, 1, ANSWER_DUE));
    }

    @Test
    void anAgreedProposalDoesNotLapse() {
        contestedThen(PROPOSED_AT, by(HANDLER, proposal()), by(CLIENT, accept(1)), by(FREELANCER, accept(1)))
                .whenThenTimeAdvancesTo(ANSWER_DUE)
                .expectNoEvents();
    }
}
