package io.freelance.ledger.command.invoice;

import static io.freelance.ledger.command.invoice.InvoiceScenario.ALL_CELLS;
import static io.freelance.ledger.command.invoice.InvoiceScenario.CONTRACT_ID;
import static io.freelance.ledger.command.invoice.InvoiceScenario.DISPUTE_ID;
import static io.freelance.ledger.command.invoice.InvoiceScenario.FINANCE;
import static io.freelance.ledger.command.invoice.InvoiceScenario.HANDLER;
import static io.freelance.ledger.command.invoice.InvoiceScenario.INVOICE_ID;
import static io.freelance.ledger.command.invoice.InvoiceScenario.LOW_ACTIVITY;
import static io.freelance.ledger.command.invoice.InvoiceScenario.MANUAL;
import static io.freelance.ledger.command.invoice.InvoiceScenario.NOTE;
import static io.freelance.ledger.command.invoice.InvoiceScenario.PROTECTED;
import static io.freelance.ledger.command.invoice.InvoiceScenario.REASON;
import static io.freelance.ledger.command.invoice.InvoiceScenario.RESPONSE_WINDOW;
import static io.freelance.ledger.command.invoice.InvoiceScenario.REVIEW_ENDS_AT;
import static io.freelance.ledger.command.invoice.InvoiceScenario.TUESDAY;
import static io.freelance.ledger.command.invoice.InvoiceScenario.by;
import static io.freelance.ledger.command.invoice.InvoiceScenario.concat;
import static io.freelance.ledger.command.invoice.InvoiceScenario.disputed;
import static io.freelance.ledger.command.invoice.InvoiceScenario.issued;
import static io.freelance.ledger.command.invoice.InvoiceScenario.paid;
import static io.freelance.ledger.command.invoice.InvoiceScenario.responded;
import static io.freelance.ledger.command.invoice.InvoiceScenario.settled;
import static io.freelance.ledger.command.invoice.InvoiceScenario.times;
import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.FREELANCER;
import static io.freelance.ledger.command.testing.People.OTHER_CLIENT;
import static io.freelance.ledger.command.testing.People.SYSTEM;
import static io.freelance.ledger.command.testing.People.as;
import static io.freelance.ledger.command.testing.Violations.badRequest;
import static io.freelance.ledger.command.testing.Violations.conflict;
import static io.freelance.ledger.command.testing.Violations.forbidden;
import static io.freelance.ledger.command.testing.Violations.notFound;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.command.escrow.EscrowPolicy;
import io.freelance.ledger.common.Actor;
import io.freelance.ledger.dispute.DecideHourDisputeCommand;
import io.freelance.ledger.dispute.DisputeInvoiceHoursCommand;
import io.freelance.ledger.dispute.HourDisputeOutcome;
import io.freelance.ledger.dispute.HourDisputeResponse;
import io.freelance.ledger.dispute.RespondToHourDisputeCommand;
import io.freelance.ledger.invoice.ApproveInvoiceCommand;
import io.freelance.ledger.invoice.InvoicePaymentReason;
import io.freelance.ledger.invoice.InvoicedCell;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Disputes over an invoice's hours. The standard dispute is the three manual cells and two protected ones:
 * five cells, 33.33 at 40.00 an hour, 13.33 of it protected.
 */
class HourDisputeTest extends InvoiceTestBase {

    private static final List<InvoicedCell> DISPUTED = concat(PROTECTED.subList(0, 2), MANUAL);
    private static final List<InvoicedCell> PAID_BY_THE_RULES = PROTECTED.subList(0, 2);
    private static final Instant RESPONSE_DUE = TUESDAY.plus(RESPONSE_WINDOW);
    private static final Instant THURSDAY = Instant.parse("2026-12-03T10:00:00Z");
    private static final Instant SATURDAY = Instant.parse("2026-12-05T00:00:00Z");

    private static DisputeInvoiceHoursCommand dispute() {
        return new DisputeInvoiceHoursCommand(INVOICE_ID, times(DISPUTED), REASON);
    }

    private static RespondToHourDisputeCommand contest() {
        return new RespondToHourDisputeCommand(INVOICE_ID, HourDisputeResponse.CONTEST, NOTE);
    }

    private static RespondToHourDisputeCommand acceptRefund() {
        return new RespondToHourDisputeCommand(INVOICE_ID, HourDisputeResponse.ACCEPT_REFUND, null);
    }

    // Opening a dispute.

    @Test
    void theClientDisputesCellsWithinTheReviewAndTheContractIsHeldPaused() {
        issuedThen(TUESDAY)
                .when(dispute(), as(CLIENT))
                .expectEvents(disputed(DISPUTED, "33.33", "13.33", TUESDAY))
                .expectScheduledDeadline(RESPONSE_DUE, new DisputeResponseDeadline(DISPUTE_ID, RESPONSE_DUE));
        assertThat(register.calls).containsExactly("opened %s %s %s".formatted(CONTRACT_ID, DISPUTE_ID, INVOICE_ID));
    }

    @Test
    void cellsMayBeNamedInAnyOrder() {
        List<java.time.Instant> reversed = new ArrayList<>(times(DISPUTED));
        java.util.Collections.reverse(reversed);
        issuedThen(TUESDAY)
                .when(new DisputeInvoiceHoursCommand(INVOICE_ID, reversed, REASON), as(CLIENT))
                .expectEvents(disputed(DISPUTED, "33.33", "13.33", TUESDAY));
    }

    @Test
    void theSameDisputeAgainChangesNothing() {
        issuedThen(TUESDAY, by(CLIENT, dispute()))
                .when(dispute(), as(CLIENT))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
        assertThat(register.calls).hasSize(1);
    }

    @Test
    void anInvoiceIsDisputedOnlyOnce() {
        issuedThen(TUESDAY, by(CLIENT, dispute()))
                .when(new DisputeInvoiceHoursCommand(INVOICE_ID, times(LOW_ACTIVITY), REASON), as(CLIENT))
                .expectNoEvents()
                .expectException(conflict("invoiceId", "invoice.already-disputed"));
    }

    @Test
    void aSettledDisputeCannotBeFollowedByAnother() {
        issuedThen(TUESDAY, by(CLIENT, dispute()), by(FREELANCER, acceptRefund()))
                .when(new DisputeInvoiceHoursCommand(INVOICE_ID, times(LOW_ACTIVITY), REASON), as(CLIENT))
                .expectNoEvents()
                .expectException(conflict("invoiceId", "invoice.already-disputed"));
    }

    @Test
    void hoursCannotBeDisputedAfterFridayNight() {
        fixture.givenCurrentTime(REVIEW_ENDS_AT.plusSeconds(1))
                .andGiven(issued())
                .when(dispute(), as(CLIENT))
                .expectNoEvents()
                .expectException(conflict("invoiceId", "invoice.review-over"));
    }

    @Test
    void theLastSecondOfTheReviewStillCounts() {
        fixture.givenCurrentTime(REVIEW_ENDS_AT)
                .andGiven(issued())
                .when(dispute(), as(CLIENT))
                .expectEvents(disputed(DISPUTED, "33.33", "13.33", REVIEW_ENDS_AT));
    }

    @Test
    void anApprovedInvoiceCannotBeDisputed() {
        issuedThen(TUESDAY, by(CLIENT, new ApproveInvoiceCommand(INVOICE_ID)))
                .when(dispute(), as(CLIENT))
                .expectNoEvents()
                .expectException(conflict("invoiceId", "invoice.state"));
    }

    @Test
    void theFreelancerCannotDisputeHours() {
        issuedThen(TUESDAY)
                .when(dispute(), as(FREELANCER))
                .expectNoEvents()
                .expectException(forbidden("contractId", "contract.client-only"));
    }

    @Test
    void someoneElsesClientLearnsNothing() {
        issuedThen(TUESDAY)
                .when(dispute(), as(OTHER_CLIENT))
                .expectNoEvents()
                .expectException(notFound("contractId", "contract.not-found"));
    }

    @Test
    void aCellTheInvoiceDoesNotBillCannotBeDisputed() {
        List<Instant> named = List.of(MANUAL.get(0).cellDateTime(), Instant.parse("2026-11-27T15:00:00Z"));
        issuedThen(TUESDAY)
                .when(new DisputeInvoiceHoursCommand(INVOICE_ID, named, REASON), as(CLIENT))
                .expectNoEvents()
                .expectException(badRequest("cellDateTimes[1]", "cellDateTimes.not-invoiced"));
        assertThat(register.calls).isEmpty();
    }

    @Test
    void aDisputeNamesAtLeastOneCell() {
        issuedThen(TUESDAY)
                .when(new DisputeInvoiceHoursCommand(INVOICE_ID, List.of(), REASON), as(CLIENT))
                .expectNoEvents()
                .expectException(badRequest("cellDateTimes", "cellDateTimes.required"));
    }

    @Test
    void aCellIsNamedByItsStart() {
        List<Instant> named = List.of(MANUAL.get(0).cellDateTime().plusSeconds(60));
        issuedThen(TUESDAY)
                .when(new DisputeInvoiceHoursCommand(INVOICE_ID, named, REASON), as(CLIENT))
                .expectNoEvents()
                .expectException(badRequest("cellDateTimes[0]", "cellDateTimes.aligned"));
    }

    @Test
    void aCellNamedTwiceIsRefused() {
        List<Instant> named = List.of(MANUAL.get(0).cellDateTime(), MANUAL.get(0).cellDateTime());
        issuedThen(TUESDAY)
                .when(new DisputeInvoiceHoursCommand(INVOICE_ID, named, REASON), as(CLIENT))
                .expectNoEvents()
                .expectException(badRequest("cellDateTimes[1]", "cellDateTimes.duplicate"));
    }

    @Test
    void aDisputeNeedsAReason() {
        issuedThen(TUESDAY)
                .when(new DisputeInvoiceHoursCommand(INVOICE_ID, times(MANUAL), "  "), as(CLIENT))
                .expectNoEvents()
                .expectException(badRequest("reason", "reason.required"));
    }

    // The freelancer's answer.

    @Test
    void acceptingTheRefundRefundsEveryDisputedCellProtectedOrNotWithItsMarketplaceFee() {
        issuedThen(TUESDAY, by(CLIENT, dispute()))
                .when(acceptRefund(), as(FREELANCER))
                .expectEvents(responded(HourDisputeResponse.ACCEPT_REFUND, null, TUESDAY),
                        settled(HourDisputeOutcome.REFUND_ACCEPTED, FREELANCER, null, DISPUTED, List.of(), "33.33",
                                "1.67", "46.67", TUESDAY));
        assertThat(register.calls).containsExactly("opened %s %s %s".formatted(CONTRACT_ID, DISPUTE_ID, INVOICE_ID),
                "settled %s %s".formatted(CONTRACT_ID, DISPUTE_ID));
    }

    @Test
    void afterAnEarlySettlementTheRestIsPaidWhenTheReviewEnds() {
        issuedThen(TUESDAY, by(CLIENT, dispute()), by(FREELANCER, acceptRefund()))
                .whenThenTimeAdvancesTo(REVIEW_ENDS_AT)
                .expectEvents(paid(InvoicePaymentReason.REVIEW_PERIOD_ENDED, DISPUTE_ID, "46.67", "4.67", REVIEW_ENDS_AT));
    }

    @Test
    void afterAnEarlySettlementTheClientMayApproveTheRest() {
        issuedThen(TUESDAY, by(CLIENT, dispute()), by(FREELANCER, acceptRefund()))
                .when(new ApproveInvoiceCommand(INVOICE_ID), as(CLIENT))
                .expectEvents(paid(InvoicePaymentReason.APPROVED_BY_CLIENT, DISPUTE_ID, "46.67", "4.67", TUESDAY));
    }

    @Test
    void contestingWaitsForADisputeHandler() {
        issuedThen(TUESDAY, by(CLIENT, dispute()))
                .when(contest(), as(FREELANCER))
                .expectEvents(responded(HourDisputeResponse.CONTEST, NOTE, TUESDAY));
        assertThat(register.calls).hasSize(1);
    }

    @Test
    void contestingNeedsANote() {
        issuedThen(TUESDAY, by(CLIENT, dispute()))
                .when(new RespondToHourDisputeCommand(INVOICE_ID, HourDisputeResponse.CONTEST, null), as(FREELANCER))
                .expectNoEvents()
                .expectException(badRequest("note", "note.required"));
    }

    @Test
    void anAnswerIsAcceptOrContest() {
        issuedThen(TUESDAY, by(CLIENT, dispute()))
                .when(new RespondToHourDisputeCommand(INVOICE_ID, null, NOTE), as(FREELANCER))
                .expectNoEvents()
                .expectException(badRequest("response", "response.required"));
    }

    @Test
    void theSameAnswerAgainChangesNothing() {
        issuedThen(TUESDAY, by(CLIENT, dispute()), by(FREELANCER, contest()))
                .when(contest(), as(FREELANCER))
                .expectNoEvents();
    }

    @Test
    void aDisputeIsAnsweredOnce() {
        issuedThen(TUESDAY, by(CLIENT, dispute()), by(FREELANCER, contest()))
                .when(acceptRefund(), as(FREELANCER))
                .expectNoEvents()
                .expectException(conflict("response", "dispute.already-responded"));
    }

    @Test
    void theClientCannotAnswerForTheFreelancer() {
        issuedThen(TUESDAY, by(CLIENT, dispute()))
                .when(acceptRefund(), as(CLIENT))
                .expectNoEvents()
                .expectException(forbidden("contractId", "contract.freelancer-only"));
    }

    @Test
    void anUndisputedInvoiceHasNothingToAnswer() {
        issuedThen(TUESDAY)
                .when(contest(), as(FREELANCER))
                .expectNoEvents()
                .expectException(conflict("invoiceId", "dispute.not-found"));
    }

    @Test
    void anAnswerAfterTheThreeDaysIsLate() {
        fixture.givenCurrentTime(RESPONSE_DUE.plusSeconds(1))
                .andGiven(issued(), disputed(DISPUTED, "33.33", "13.33", TUESDAY))
                .when(contest(), as(FREELANCER))
                .expectNoEvents()
                .expectException(conflict("invoiceId", "dispute.response-late"));
    }

    @Test
    void anAnswerAfterTheRulesDecidedIsRefused() {
        fixture.givenCurrentTime(RESPONSE_DUE.plusSeconds(1))
                .andGiven(issued(), disputed(DISPUTED, "33.33", "13.33", TUESDAY),
                        settled(HourDisputeOutcome.DECIDED_BY_RULES, SYSTEM, null, MANUAL, PAID_BY_THE_RULES, "20.00",
                                "1.00", "60.00", RESPONSE_DUE))
                .when(contest(), as(FREELANCER))
                .expectNoEvents()
                .expectException(conflict("invoiceId", "dispute.settled"));
    }

    // Without an answer, the rules decide.

    @Test
    void withoutAnAnswerTheRulesRefundTheUnprotectedCellsAndPayTheProtectedOnes() {
        issuedThen(TUESDAY, by(CLIENT, dispute()))
                .whenThenTimeAdvancesTo(RESPONSE_DUE)
                .expectDeadlinesMet(new DisputeResponseDeadline(DISPUTE_ID, RESPONSE_DUE))
                .expectEvents(settled(HourDisputeOutcome.DECIDED_BY_RULES, SYSTEM, null, MANUAL, PAID_BY_THE_RULES,
                        "20.00", "1.00", "60.00", RESPONSE_DUE));
    }

    @Test
    void theRulesSettlingBeforeFridayLeaveThePaymentToTheEndOfTheReview() {
        issuedThen(TUESDAY, by(CLIENT, dispute()))
                .whenThenTimeAdvancesTo(REVIEW_ENDS_AT)
                .expectEvents(settled(HourDisputeOutcome.DECIDED_BY_RULES, SYSTEM, null, MANUAL, PAID_BY_THE_RULES,
                                "20.00", "1.00", "60.00", RESPONSE_DUE),
                        paid(InvoicePaymentReason.REVIEW_PERIOD_ENDED, DISPUTE_ID, "60.00", "6.00", REVIEW_ENDS_AT));
    }

    @Test
    void aDisputeOpenedOnThursdayIsDecidedAfterTheReviewAndTheRestPaidAtOnce() {
        Instant dueOnSunday = THURSDAY.plus(RESPONSE_WINDOW);
        issuedThen(THURSDAY, by(CLIENT, dispute()))
                .whenThenTimeAdvancesTo(dueOnSunday)
                .expectDeadlinesMet(new ReviewEndDeadline(REVIEW_ENDS_AT), new DisputeResponseDeadline(DISPUTE_ID, dueOnSunday))
                .expectEvents(settled(HourDisputeOutcome.DECIDED_BY_RULES, SYSTEM, null, MANUAL, PAID_BY_THE_RULES,
                                "20.00", "1.00", "60.00", dueOnSunday),
                        paid(InvoicePaymentReason.DISPUTE_SETTLED, DISPUTE_ID, "60.00", "6.00", dueOnSunday));
    }

    @Test
    void onlyProtectedCellsDisputedAndUnansweredAreAllPaid() {
        List<InvoicedCell> protectedOnly = PROTECTED.subList(0, 3);
        issuedThen(TUESDAY, by(CLIENT, new DisputeInvoiceHoursCommand(INVOICE_ID, times(protectedOnly), REASON)))
                .whenThenTimeAdvancesTo(RESPONSE_DUE)
                .expectEvents(settled(HourDisputeOutcome.DECIDED_BY_RULES, SYSTEM, null, List.of(), protectedOnly, "0.00",
                        "0.00", "80.00", RESPONSE_DUE));
    }

    @Test
    void aContestedDisputeIsNotDecidedByTheClock() {
        issuedThen(TUESDAY, by(CLIENT, dispute()), by(FREELANCER, contest()))
                .whenThenTimeAdvancesTo(REVIEW_ENDS_AT.plus(Duration.ofDays(3)))
                .expectNoEvents();
    }

    @Test
    void aResponseDeadlineFiringTwiceDecidesOnce() {
        fixture.givenCurrentTime(RESPONSE_DUE)
                .andGiven(issued(), disputed(DISPUTED, "33.33", "13.33", TUESDAY),
                        settled(HourDisputeOutcome.DECIDED_BY_RULES, SYSTEM, null, MANUAL, PAID_BY_THE_RULES, "20.00",
                                "1.00", "60.00", RESPONSE_DUE))
                .whenInvoking(INVOICE_ID, invoice -> invoice.on(new DisputeResponseDeadline(DISPUTE_ID, RESPONSE_DUE),
                        EscrowPolicy.defaults(), register, new StubDeadlineManager()))
                .expectNoEvents();
        assertThat(register.calls).isEmpty();
    }

    // A dispute handler decides a contested dispute.

    @Test
    void aHandlerRefundsChosenUnprotectedCellsAndTheRestIsPaid() {
        List<InvoicedCell> refunded = MANUAL.subList(0, 1);
        List<InvoicedCell> paidCells = concat(PROTECTED.subList(0, 2), MANUAL.subList(1, 3));
        issuedThen(TUESDAY, by(CLIENT, dispute()), by(FREELANCER, contest()))
                .when(new DecideHourDisputeCommand(INVOICE_ID, times(refunded), "One cell was a duplicate."), as(HANDLER))
                .expectEvents(settled(HourDisputeOutcome.DECIDED_BY_HANDLER, HANDLER, "One cell was a duplicate.",
                        refunded, paidCells, "6.67", "0.33", "73.33", TUESDAY));
    }

    @Test
    void aHandlerMayPayEveryDisputedCell() {
        issuedThen(TUESDAY, by(CLIENT, dispute()), by(FREELANCER, contest()))
                .when(new DecideHourDisputeCommand(INVOICE_ID, List.of(), "The work is in the repository."), as(HANDLER))
                .expectEvents(settled(HourDisputeOutcome.DECIDED_BY_HANDLER, HANDLER, "The work is in the repository.",
                        List.of(), DISPUTED, "0.00", "0.00", "80.00", TUESDAY));
    }

    @Test
    void aDecisionAfterTheReviewPaysTheRestAtOnce() {
        fixture.givenCurrentTime(SATURDAY)
                .andGiven(issued(), disputed(DISPUTED, "33.33", "13.33", TUESDAY),
                        responded(HourDisputeResponse.CONTEST, NOTE, TUESDAY))
                .when(new DecideHourDisputeCommand(INVOICE_ID, times(MANUAL), "Manual time without evidence."), as(HANDLER))
                .expectEvents(settled(HourDisputeOutcome.DECIDED_BY_HANDLER, HANDLER, "Manual time without evidence.",
                                MANUAL, PAID_BY_THE_RULES, "20.00", "1.00", "60.00", SATURDAY),
                        paid(InvoicePaymentReason.DISPUTE_SETTLED, DISPUTE_ID, "60.00", "6.00", SATURDAY));
    }

    @Test
    void protectedTimeIsPaidWhateverTheHandlerDecides() {
        List<Instant> refund = List.of(MANUAL.get(0).cellDateTime(), PROTECTED.get(1).cellDateTime());
        issuedThen(TUESDAY, by(CLIENT, dispute()), by(FREELANCER, contest()))
                .when(new DecideHourDisputeCommand(INVOICE_ID, refund, NOTE), as(HANDLER))
                .expectNoEvents()
                .expectException(badRequest("refundedCellDateTimes[1]", "refundedCellDateTimes.protected"));
    }

    @Test
    void aHandlerRefundsOnlyDisputedCells() {
        issuedThen(TUESDAY, by(CLIENT, dispute()), by(FREELANCER, contest()))
                .when(new DecideHourDisputeCommand(INVOICE_ID, times(LOW_ACTIVITY.subList(0, 1)), NOTE), as(HANDLER))
                .expectNoEvents()
                .expectException(badRequest("refundedCellDateTimes[0]", "refundedCellDateTimes.not-disputed"));
    }

    @Test
    void aHandlerDecidesOnlyOnceTheFreelancerContested() {
        issuedThen(TUESDAY, by(CLIENT, dispute()))
                .when(new DecideHourDisputeCommand(INVOICE_ID, times(MANUAL), NOTE), as(HANDLER))
                .expectNoEvents()
                .expectException(conflict("invoiceId", "dispute.awaiting-response"));
    }

    @Test
    void aDecisionNeedsANote() {
        issuedThen(TUESDAY, by(CLIENT, dispute()), by(FREELANCER, contest()))
                .when(new DecideHourDisputeCommand(INVOICE_ID, times(MANUAL), null), as(HANDLER))
                .expectNoEvents()
                .expectException(badRequest("note", "note.required"));
    }

    @Test
    void theSameDecisionAgainChangesNothing() {
        DecideHourDisputeCommand decision = new DecideHourDisputeCommand(INVOICE_ID, times(MANUAL), NOTE);
        issuedThen(TUESDAY, by(CLIENT, dispute()), by(FREELANCER, contest()), by(HANDLER, decision))
                .when(decision, as(HANDLER))
                .expectNoEvents();
    }

    @Test
    void aSettledDisputeIsNotDecidedAgainOtherwise() {
        issuedThen(TUESDAY, by(CLIENT, dispute()), by(FREELANCER, contest()),
                by(HANDLER, new DecideHourDisputeCommand(INVOICE_ID, times(MANUAL), NOTE)))
                .when(new DecideHourDisputeCommand(INVOICE_ID, List.of(), NOTE), as(HANDLER))
                .expectNoEvents()
                .expectException(conflict("invoiceId", "dispute.settled"));
    }

    static Stream<Actor> notDisputeHandlers() {
        return Stream.of(CLIENT, FREELANCER, FINANCE, SYSTEM);
    }

    @ParameterizedTest
    @MethodSource("notDisputeHandlers")
    void onlyADisputeHandlerDecides(Actor actor) {
        issuedThen(TUESDAY, by(CLIENT, dispute()), by(FREELANCER, contest()))
                .when(new DecideHourDisputeCommand(INVOICE_ID, times(MANUAL), NOTE), as(actor))
                .expectNoEvents()
                .expectException(forbidden("invoiceId", "dispute.handler-only"));
    }

    @Test
    void anOutsiderAskingToDecideLearnsNothing() {
        issuedThen(TUESDAY, by(CLIENT, dispute()), by(FREELANCER, contest()))
                .when(new DecideHourDisputeCommand(INVOICE_ID, times(MANUAL), NOTE), as(OTHER_CLIENT))
                .expectNoEvents()
                .expectException(notFound("contractId", "contract.not-found"));
    }

    // Everything refunded.

    @Test
    void whenEveryBilledCellIsRefundedNothingIsLeftToPay() {
        issuedThen(TUESDAY, by(CLIENT, new DisputeInvoiceHoursCommand(INVOICE_ID, times(ALL_CELLS), REASON)),
                by(FREELANCER, acceptRefund()))
                .whenThenTimeElapses(Duration.ofDays(30))
                .expectDeadlinesMet(new DisputeResponseDeadline(DISPUTE_ID, RESPONSE_DUE), new ReviewEndDeadline(REVIEW_ENDS_AT))
                .expectNoEvents();
        assertThat(register.calls).containsExactly("opened %s %s %s".formatted(CONTRACT_ID, DISPUTE_ID, INVOICE_ID),
                "settled %s %s".formatted(CONTRACT_ID, DISPUTE_ID));
    }

    @Test
    void aFullRefundGivesBackTheWholeChargeWithItsFee() {
        issuedThen(TUESDAY, by(CLIENT, new DisputeInvoiceHoursCommand(INVOICE_ID, times(ALL_CELLS), REASON)))
                .when(acceptRefund(), as(FREELANCER))
                .expectEvents(responded(HourDisputeResponse.ACCEPT_REFUND, null, TUESDAY),
                        settled(HourDisputeOutcome.REFUND_ACCEPTED, FREELANCER, null, ALL_CELLS, List.of(), "80.00",
                                "4.00", "0.00", TUESDAY));
    }
}
