package io.freelance.ledger.command.invoice;

import static io.freelance.ledger.command.invoice.InvoiceScenario.INVOICE_ID;
import static io.freelance.ledger.command.invoice.InvoiceScenario.MANUAL;
import static io.freelance.ledger.command.invoice.InvoiceScenario.REASON;
import static io.freelance.ledger.command.invoice.InvoiceScenario.REVIEW_ENDS_AT;
import static io.freelance.ledger.command.invoice.InvoiceScenario.SECURITY_PERIOD;
import static io.freelance.ledger.command.invoice.InvoiceScenario.TUESDAY;
import static io.freelance.ledger.command.invoice.InvoiceScenario.available;
import static io.freelance.ledger.command.invoice.InvoiceScenario.by;
import static io.freelance.ledger.command.invoice.InvoiceScenario.issued;
import static io.freelance.ledger.command.invoice.InvoiceScenario.paid;
import static io.freelance.ledger.command.invoice.InvoiceScenario.times;
import static io.freelance.ledger.command.invoice.InvoiceScenario.usd;
import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.FREELANCER;
import static io.freelance.ledger.command.testing.People.OTHER_CLIENT;
import static io.freelance.ledger.command.testing.People.as;
import static io.freelance.ledger.command.testing.Violations.conflict;
import static io.freelance.ledger.command.testing.Violations.forbidden;
import static io.freelance.ledger.command.testing.Violations.notFound;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.equalTo;

import io.freelance.ledger.command.escrow.EscrowPolicy;
import io.freelance.ledger.dispute.DisputeInvoiceHoursCommand;
import io.freelance.ledger.invoice.ApproveInvoiceCommand;
import io.freelance.ledger.invoice.InvoicePaidEvent;
import io.freelance.ledger.invoice.InvoicePaymentReason;
import java.time.Duration;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.junit.jupiter.api.Test;

/**
 * The client's review of an undisputed invoice: approve early, or let Friday 23:59:59 UTC pass; either way
 * the freelancer is paid less the 10% service fee and the money is available five days later.
 */
class InvoiceReviewTest extends InvoiceTestBase {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    @Test
    void theClientApprovesEarlyAndTheFreelancerIsPaidLessTheServiceFee() {
        InvoicePaidEvent payment = paid(InvoicePaymentReason.APPROVED_BY_CLIENT, null, "80.00", "8.00", TUESDAY);
        issuedThen(TUESDAY)
                .when(new ApproveInvoiceCommand(INVOICE_ID), as(CLIENT))
                .expectEvents(payment)
                .expectScheduledDeadline(TUESDAY.plus(SECURITY_PERIOD), new InvoiceSecurityPeriodDeadline(
                        payment.journalEntry().entryId(), usd("72.00"), TUESDAY.plus(SECURITY_PERIOD)))
                .expectResultMessagePayload(1L);
    }

    @Test
    void approvingTwiceChangesNothingAndIsAnsweredLikeTheFirst() {
        issuedThen(TUESDAY, by(CLIENT, new ApproveInvoiceCommand(INVOICE_ID)))
                .when(new ApproveInvoiceCommand(INVOICE_ID), as(CLIENT))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void theFreelancerCannotApprove() {
        issuedThen(TUESDAY)
                .when(new ApproveInvoiceCommand(INVOICE_ID), as(FREELANCER))
                .expectNoEvents()
                .expectException(forbidden("contractId", "contract.client-only"));
    }

    @Test
    void someoneElsesClientLearnsNothing() {
        issuedThen(TUESDAY)
                .when(new ApproveInvoiceCommand(INVOICE_ID), as(OTHER_CLIENT))
                .expectNoEvents()
                .expectException(notFound("contractId", "contract.not-found"));
    }

    @Test
    void aDisputedInvoiceCannotBeApprovedUntilTheDisputeIsSettled() {
        issuedThen(TUESDAY, by(CLIENT, new DisputeInvoiceHoursCommand(INVOICE_ID, times(MANUAL), REASON)))
                .when(new ApproveInvoiceCommand(INVOICE_ID), as(CLIENT))
                .expectNoEvents()
                .expectException(conflict("invoiceId", "invoice.disputed"));
    }

    @Test
    void anInvoicePaidAtTheEndOfItsReviewCannotBeApprovedAnyMore() {
        fixture.givenCurrentTime(REVIEW_ENDS_AT.plus(ONE_SECOND))
                .andGiven(issued(), paid(InvoicePaymentReason.REVIEW_PERIOD_ENDED, null, "80.00", "8.00", REVIEW_ENDS_AT))
                .when(new ApproveInvoiceCommand(INVOICE_ID), as(CLIENT))
                .expectNoEvents()
                .expectException(conflict("invoiceId", "invoice.state"));
    }

    @Test
    void theUndisputedInvoiceIsPaidWhenTheReviewEndsOnFridayNight() {
        issuedThen(TUESDAY)
                .whenThenTimeAdvancesTo(REVIEW_ENDS_AT)
                .expectDeadlinesMet(new ReviewEndDeadline(REVIEW_ENDS_AT))
                .expectEvents(paid(InvoicePaymentReason.REVIEW_PERIOD_ENDED, null, "80.00", "8.00", REVIEW_ENDS_AT));
    }

    @Test
    void nothingIsPaidBeforeTheReviewEnds() {
        issuedThen(TUESDAY)
                .whenThenTimeAdvancesTo(REVIEW_ENDS_AT.minus(ONE_SECOND))
                .expectNoEvents();
    }

    @Test
    void afterAnApprovalTheEndOfTheReviewPaysNothingMore() {
        issuedThen(TUESDAY, by(CLIENT, new ApproveInvoiceCommand(INVOICE_ID)))
                .whenThenTimeAdvancesTo(REVIEW_ENDS_AT)
                .expectDeadlinesMetMatching(payloadsMatching(exactSequenceOf(
                        equalTo(new ReviewEndDeadline(REVIEW_ENDS_AT)), andNoMore())))
                .expectNoEvents();
    }

    @Test
    void thePaymentBecomesAvailableAfterTheFiveDaySecurityPeriod() {
        InvoicePaidEvent payment = paid(InvoicePaymentReason.APPROVED_BY_CLIENT, null, "80.00", "8.00", TUESDAY);
        issuedThen(TUESDAY, by(CLIENT, new ApproveInvoiceCommand(INVOICE_ID)))
                .whenThenTimeAdvancesTo(TUESDAY.plus(SECURITY_PERIOD))
                .expectEvents(available(payment));
    }

    @Test
    void thePaymentStaysPendingDuringTheSecurityPeriod() {
        issuedThen(TUESDAY, by(CLIENT, new ApproveInvoiceCommand(INVOICE_ID)))
                .whenThenTimeAdvancesTo(TUESDAY.plus(SECURITY_PERIOD).minus(ONE_SECOND))
                .expectNoEvents();
    }

    @Test
    void aPaymentIsMadeAvailableOnlyOnce() {
        InvoicePaidEvent payment = paid(InvoicePaymentReason.APPROVED_BY_CLIENT, null, "80.00", "8.00", TUESDAY);
        InvoiceSecurityPeriodDeadline deadline = new InvoiceSecurityPeriodDeadline(payment.journalEntry().entryId(),
                usd("72.00"), payment.availableAt());
        fixture.given(issued(), payment, available(payment))
                .whenInvoking(INVOICE_ID, invoice -> invoice.on(deadline))
                .expectNoEvents();
    }

    @Test
    void aReviewEndFiringTwicePaysOnce() {
        InvoicePaidEvent payment = paid(InvoicePaymentReason.REVIEW_PERIOD_ENDED, null, "80.00", "8.00", REVIEW_ENDS_AT);
        fixture.given(issued(), payment)
                .whenInvoking(INVOICE_ID, invoice -> invoice.on(new ReviewEndDeadline(REVIEW_ENDS_AT),
                        EscrowPolicy.defaults(), new StubDeadlineManager()))
                .expectNoEvents();
    }
}
