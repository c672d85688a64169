package io.freelance.ledger.query.invoice;

import static io.freelance.ledger.query.testsupport.Entries.entry;
import static io.freelance.ledger.query.testsupport.Entries.leg;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.UtcWeek;
import io.freelance.ledger.diary.UnprotectedReason;
import io.freelance.ledger.diary.WorkDiaryId;
import io.freelance.ledger.dispute.HourDisputeId;
import io.freelance.ledger.dispute.HourDisputeOpenedEvent;
import io.freelance.ledger.dispute.HourDisputeOutcome;
import io.freelance.ledger.dispute.HourDisputeResponse;
import io.freelance.ledger.dispute.HourDisputeRespondedEvent;
import io.freelance.ledger.dispute.HourDisputeSettledEvent;
import io.freelance.ledger.invoice.HourlyBilling;
import io.freelance.ledger.invoice.InvoiceFundsAvailableEvent;
import io.freelance.ledger.invoice.InvoiceId;
import io.freelance.ledger.invoice.InvoiceIssuedEvent;
import io.freelance.ledger.invoice.InvoicePaidEvent;
import io.freelance.ledger.invoice.InvoicePaymentReason;
import io.freelance.ledger.invoice.InvoicedCell;
import io.freelance.ledger.ledger.EntryCause;
import io.freelance.ledger.ledger.LedgerAccounts;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of one weekly invoice of contract {@code contractId} between alice (client) and carol
 * (freelancer) at 33.33 USD an hour, with amounts worked out as the Invoice aggregate does. The week's
 * billed cells start Wednesday 09:00 UTC; the first {@code protectedCells} are tracked and protected, the rest
 * manual.
 */
final class InvoiceEvents {

    static final String CLIENT = "alice";
    static final String FREELANCER = "carol";
    static final Money RATE = Money.of("33.33", "USD");

    final String contractId;
    final LocalDate week;
    final String invoiceId;
    final String disputeId;
    final List<InvoicedCell> cells;

    InvoiceEvents(String contractId, LocalDate week, int protectedCells, int manualCells) {
        this.contractId = contractId;
        this.week = week;
        this.invoiceId = InvoiceId.forWeek(contractId, week);
        this.disputeId = HourDisputeId.forWeek(contractId, week);
        List<InvoicedCell> billed = new ArrayList<>();
        Instant first = UtcWeek.startOf(week).plus(Duration.ofDays(2)).plus(Duration.ofHours(9));
        for (int index = 0; index < protectedCells + manualCells; index++) {
            boolean manual = index >= protectedCells;
            billed.add(new InvoicedCell(first.plus(Duration.ofMinutes(10L * index)), manual,
                    manual ? List.of(UnprotectedReason.MANUAL) : List.of()));
        }
        this.cells = List.copyOf(billed);
    }

    Instant cell(int index) {
        return cells.get(index).cellDateTime();
    }

    Instant issuedAt() {
        return UtcWeek.invoicedAt(week);
    }

    Money amount() {
        return HourlyBilling.amountFor(RATE, cells.size());
    }

    InvoiceIssuedEvent issued() {
        Money amount = amount();
        Money fee = percentOf(amount, "5");
        Instant periodStart = UtcWeek.startOf(week);
        return new InvoiceIssuedEvent(invoiceId, InvoiceId.number(contractId, week), contractId, CLIENT, FREELANCER,
                WorkDiaryId.forWeek(contractId, week), week, periodStart, periodStart.plus(UtcWeek.LENGTH), RATE,
                cells.size(), HourlyBilling.hoursFor(cells.size()), 2,
                HourlyBilling.dailyLines(cells.stream().map(InvoicedCell::cellDateTime).toList(), RATE), cells, amount,
                fee, amount.plus(fee),
                entry("charge-" + invoiceId, EntryCause.invoice("invoice-charge", contractId, invoiceId),
                        leg(LedgerAccounts.clientCharges(CLIENT), amount.plus(fee).negate().amount().toPlainString()),
                        leg(LedgerAccounts.escrow(contractId), amount.amount().toPlainString()),
                        leg(LedgerAccounts.MARKETPLACE_FEES, fee.amount().toPlainString())),
                issuedAt(), UtcWeek.clientReviewEndsAt(week));
    }

    HourDisputeOpenedEvent disputed(Instant at, int... cellIndexes) {
        List<InvoicedCell> disputed = new ArrayList<>();
        for (int index : cellIndexes) {
            disputed.add(cells.get(index));
        }
        long protectedCount = disputed.stream().filter(InvoicedCell::isProtected).count();
        return new HourDisputeOpenedEvent(invoiceId, disputeId, contractId, CLIENT, FREELANCER, disputed,
                HourlyBilling.amountFor(RATE, disputed.size()), HourlyBilling.amountFor(RATE, (int) protectedCount),
                "Those were lunch breaks.", at, at.plus(Duration.ofDays(3)));
    }

    HourDisputeRespondedEvent contested(Instant at) {
        return new HourDisputeRespondedEvent(invoiceId, disputeId, contractId, FREELANCER, HourDisputeResponse.CONTEST,
                "I was working on the migration.", at);
    }

    HourDisputeSettledEvent decided(Instant at, List<Instant> refunded, List<Instant> paid) {
        Money refund = HourlyBilling.amountFor(RATE, refunded.size());
        return new HourDisputeSettledEvent(invoiceId, disputeId, contractId, CLIENT, FREELANCER,
                HourDisputeOutcome.DECIDED_BY_HANDLER, "frank", Role.DISPUTE_HANDLER, "One cell was a break.", refunded,
                paid, refund, percentOf(refund, "5"), amount().minus(refund), null, at);
    }

    InvoicePaidEvent paid(Money payable, Instant at, InvoicePaymentReason reason) {
        Money fee = percentOf(payable, "10");
        return new InvoicePaidEvent(invoiceId, contractId, FREELANCER, null, reason, payable, fee, payable.minus(fee),
                null, at, at.plus(Duration.ofDays(5)));
    }

    InvoiceFundsAvailableEvent available(Money paidToFreelancer, Instant at) {
        return new InvoiceFundsAvailableEvent(invoiceId, contractId, FREELANCER, "payment-" + invoiceId, paidToFreelancer,
                null, at);
    }

    private static Money percentOf(Money amount, String percent) {
        return amount.percent(new BigDecimal(percent));
    }
}
