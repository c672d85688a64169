package io.freelance.ledger.command.invoice;

import static io.freelance.ledger.command.invoice.InvoiceScenario.ALL_CELLS;
import static io.freelance.ledger.command.invoice.InvoiceScenario.CLIENT_CHARGES;
import static io.freelance.ledger.command.invoice.InvoiceScenario.ESCROW;
import static io.freelance.ledger.command.invoice.InvoiceScenario.ISSUED_AT;
import static io.freelance.ledger.command.invoice.InvoiceScenario.PROTECTED;
import static io.freelance.ledger.command.invoice.InvoiceScenario.RATE;
import static io.freelance.ledger.command.invoice.InvoiceScenario.REVIEW_ENDS_AT;
import static io.freelance.ledger.command.invoice.InvoiceScenario.issue;
import static io.freelance.ledger.command.invoice.InvoiceScenario.issued;
import static io.freelance.ledger.command.invoice.InvoiceScenario.leg;
import static io.freelance.ledger.command.invoice.InvoiceScenario.usd;
import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.SYSTEM;
import static io.freelance.ledger.command.testing.People.as;
import static io.freelance.ledger.command.testing.Violations.badRequest;
import static io.freelance.ledger.command.testing.Violations.forbidden;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.invoice.InvoiceIssuedEvent;
import io.freelance.ledger.invoice.InvoiceLine;
import io.freelance.ledger.invoice.InvoicedCell;
import io.freelance.ledger.ledger.LedgerAccounts;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;

/** Monday 12:00 UTC: the week's invoice charges the client hours × rate plus the marketplace fee into escrow. */
class InvoiceIssueTest extends InvoiceTestBase {

    @Test
    void theWeekIsInvoicedAndTheClientChargedIntoEscrow() {
        fixture.givenCurrentTime(ISSUED_AT)
                .when(issue(), as(SYSTEM))
                .expectEvents(issued())
                .expectScheduledDeadline(REVIEW_ENDS_AT, new ReviewEndDeadline(REVIEW_ENDS_AT));
    }

    @Test
    void sevenCellsAt3333AnHourAreChargedAs3889PlusAFeeOf194() {
        List<InvoicedCell> seven = ALL_CELLS.subList(0, 7);

        fixture.givenCurrentTime(ISSUED_AT)
                .when(issue(seven, Money.of("33.33", "USD")), as(SYSTEM))
                .expectSuccessfulHandlerExecution();

        InvoiceIssuedEvent event = issuedEvent();
        assertThat(event.amount()).isEqualTo(usd("38.89"));
        assertThat(event.marketplaceFee()).isEqualTo(usd("1.94"));
        assertThat(event.totalCharged()).isEqualTo(usd("40.83"));
        assertThat(event.billableHours()).isEqualByComparingTo("1.17");
        // Six cells on Wednesday are exactly 33.33; the seventh, on the same day, makes 38.885 → 38.89.
        assertThat(event.lines()).containsExactly(
                new InvoiceLine(LocalDate.of(2026, 11, 25), 7, new BigDecimal("1.17"), Money.of("33.33", "USD"), usd("38.89")));
        assertThat(event.journalEntry().legs()).containsExactly(leg(CLIENT_CHARGES, "-40.83"), leg(ESCROW, "38.89"),
                leg(LedgerAccounts.MARKETPLACE_FEES, "1.94"));
    }

    @Test
    void aLateIssueIsDatedWhenItHappenedAndKeepsTheCalendarsReviewWindow() {
        Instant late = ISSUED_AT.plus(Duration.ofHours(3));

        fixture.givenCurrentTime(late)
                .when(issue(), as(SYSTEM))
                .expectSuccessfulHandlerExecution()
                .expectScheduledDeadline(REVIEW_ENDS_AT, new ReviewEndDeadline(REVIEW_ENDS_AT));

        assertThat(issuedEvent().issuedAt()).isEqualTo(late);
        assertThat(issuedEvent().journalEntry().effectiveAt()).isEqualTo(late);
        assertThat(issuedEvent().reviewEndsAt()).isEqualTo(REVIEW_ENDS_AT);
    }

    @Test
    void cellsAreBilledInTimeOrderWhateverOrderTheyCameIn() {
        List<InvoicedCell> shuffled = new ArrayList<>(ALL_CELLS);
        java.util.Collections.reverse(shuffled);

        fixture.givenCurrentTime(ISSUED_AT)
                .when(issue(shuffled, RATE), as(SYSTEM))
                .expectEvents(issued());
    }

    @Test
    void onlyTheServiceIssuesInvoices() {
        fixture.givenCurrentTime(ISSUED_AT)
                .when(issue(), as(CLIENT))
                .expectNoEvents()
                .expectException(forbidden("invoiceId", "invoice.service-only"));
    }

    @Test
    void anInvoiceBillsAtLeastOneCell() {
        fixture.givenCurrentTime(ISSUED_AT)
                .when(issue(List.of(), RATE), as(SYSTEM))
                .expectNoEvents()
                .expectException(badRequest("cells", "cells.required"));
    }

    @Test
    void aCellOutsideTheWeekIsRefused() {
        InvoicedCell nextMonday = new InvoicedCell(Instant.parse("2026-11-30T00:00:00Z"), true, PROTECTED.get(0).unprotectedReasons());

        fixture.givenCurrentTime(ISSUED_AT)
                .when(issue(List.of(PROTECTED.get(0), nextMonday), RATE), as(SYSTEM))
                .expectNoEvents()
                .expectException(badRequest("cells", "cells.in-week"));
    }

    @Test
    void aCellBilledTwiceIsRefused() {
        fixture.givenCurrentTime(ISSUED_AT)
                .when(issue(List.of(PROTECTED.get(0), PROTECTED.get(0)), RATE), as(SYSTEM))
                .expectNoEvents()
                .expectException(badRequest("cells", "cells.duplicate"));
    }

    @Test
    void anAmountBelowOneCentIssuesNoInvoice() {
        fixture.givenCurrentTime(ISSUED_AT)
                .when(issue(PROTECTED.subList(0, 2), usd("0.01")), as(SYSTEM))
                .expectNoEvents()
                .expectException(badRequest("cells", "cells.amount"));
    }

    private InvoiceIssuedEvent issuedEvent() {
        return fixture.getEventStore().readEvents(InvoiceScenario.INVOICE_ID).asStream()
                .map(EventMessage::getPayload)
                .filter(InvoiceIssuedEvent.class::isInstance)
                .map(InvoiceIssuedEvent.class::cast)
                .findFirst().orElseThrow();
    }
}
