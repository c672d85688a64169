package io.freelance.ledger.command.invoice;

import static io.freelance.ledger.command.invoice.InvoiceScenario.ALL_CELLS;
import static io.freelance.ledger.command.invoice.InvoiceScenario.DISPUTE_ID;
import static io.freelance.ledger.command.invoice.InvoiceScenario.INVOICE_ID;
import static io.freelance.ledger.command.invoice.InvoiceScenario.ISSUED_AT;
import static io.freelance.ledger.command.invoice.InvoiceScenario.MANUAL;
import static io.freelance.ledger.command.invoice.InvoiceScenario.PROTECTED;
import static io.freelance.ledger.command.invoice.InvoiceScenario.REASON;
import static io.freelance.ledger.command.invoice.InvoiceScenario.RESPONSE_WINDOW;
import static io.freelance.ledger.command.invoice.InvoiceScenario.REVIEW_ENDS_AT;
import static io.freelance.ledger.command.invoice.InvoiceScenario.available;
import static io.freelance.ledger.command.invoice.InvoiceScenario.by;
import static io.freelance.ledger.command.invoice.InvoiceScenario.concat;
import static io.freelance.ledger.command.invoice.InvoiceScenario.issue;
import static io.freelance.ledger.command.invoice.InvoiceScenario.paid;
import static io.freelance.ledger.command.invoice.InvoiceScenario.settled;
import static io.freelance.ledger.command.invoice.InvoiceScenario.times;
import static io.freelance.ledger.command.invoice.InvoiceScenario.usd;
import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.dispute.DisputeInvoiceHoursCommand;
import io.freelance.ledger.dispute.HourDisputeOutcome;
import io.freelance.ledger.invoice.InvoiceFundsAvailableEvent;
import io.freelance.ledger.invoice.InvoicePaidEvent;
import io.freelance.ledger.invoice.InvoicePaymentReason;
import io.freelance.ledger.invoice.InvoicedCell;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;

/**
 * Whole weekly cycles with the fixture's clock running from Monday 12:00 UTC, when the week is invoiced,
 * until long after: the review ends on Friday 23:59:59, the money is available five days later.
 */
class InvoiceCycleTest extends InvoiceTestBase {

    private static final Duration A_MONTH = Duration.ofDays(30);

    @Test
    void anUndisputedWeekIsPaidOnFridayNightAndAvailableFiveDaysLater() {
        InvoicePaidEvent payment = paid(InvoicePaymentReason.REVIEW_PERIOD_ENDED, null, "80.00", "8.00", REVIEW_ENDS_AT);
        issuedThen(ISSUED_AT)
                .whenThenTimeElapses(A_MONTH)
                .expectEvents(payment, available(payment))
                .expectNoScheduledDeadlines();
        assertThat(payment.availableAt()).isEqualTo(Instant.parse("2026-12-09T23:59:59Z"));
    }

    @Test
    void sevenCellsAt3333FromChargeToAvailableBalanceToTheCent() {
        Money rate = Money.of("33.33", "USD");
        fixture.givenCurrentTime(ISSUED_AT)
                .andGivenCommands(by(SYSTEM, issue(ALL_CELLS.subList(0, 7), rate)))
                .whenThenTimeElapses(A_MONTH)
                .expectSuccessfulHandlerExecution();

        InvoicePaidEvent payment = only(InvoicePaidEvent.class);
        // Charged 38.89 + 1.94; paid 38.89 less 3.89 (10% of 38.89 = 3.889); 35.00 becomes available.
        assertThat(payment.amount()).isEqualTo(usd("38.89"));
        assertThat(payment.serviceFee()).isEqualTo(usd("3.89"));
        assertThat(payment.paidToFreelancer()).isEqualTo(usd("35.00"));
        assertThat(only(InvoiceFundsAvailableEvent.class).amount()).isEqualTo(usd("35.00"));
    }

    @Test
    void aDisputeLeftUnansweredIsDecidedByTheRulesAndTheRestFollowsTheNormalCycle() {
        List<InvoicedCell> disputed = concat(PROTECTED.subList(0, 2), MANUAL);
        Instant decidedAt = ISSUED_AT.plus(RESPONSE_WINDOW);
        InvoicePaidEvent payment = paid(InvoicePaymentReason.REVIEW_PERIOD_ENDED, DISPUTE_ID, "60.00", "6.00",
                REVIEW_ENDS_AT);
        issuedThen(ISSUED_AT, by(CLIENT, new DisputeInvoiceHoursCommand(INVOICE_ID, times(disputed), REASON)))
                .whenThenTimeElapses(A_MONTH)
                .expectEvents(settled(HourDisputeOutcome.DECIDED_BY_RULES, SYSTEM, null, MANUAL, PROTECTED.subList(0, 2),
                                "20.00", "1.00", "60.00", decidedAt),
                        payment, available(payment))
                .expectNoScheduledDeadlines();
        assertThat(register.calls).hasSize(2);
    }

    private <T> T only(Class<T> type) {
        List<T> events = fixture.getEventStore().readEvents(INVOICE_ID).asStream()
                .map(EventMessage::getPayload)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
        assertThat(events).hasSize(1);
        return events.get(0);
    }
}
