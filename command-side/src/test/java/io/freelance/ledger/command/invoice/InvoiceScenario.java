package io.freelance.ledger.command.invoice;

import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.FREELANCER;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.diary.UnprotectedReason;
import io.freelance.ledger.diary.WorkDiaryId;
import io.freelance.ledger.dispute.HourDisputeId;
import io.freelance.ledger.dispute.HourDisputeOpenedEvent;
import io.freelance.ledger.dispute.HourDisputeOutcome;
import io.freelance.ledger.dispute.HourDisputeResponse;
import io.freelance.ledger.dispute.HourDisputeRespondedEvent;
import io.freelance.ledger.dispute.HourDisputeSettledEvent;
import io.freelance.ledger.invoice.InvoiceFundsAvailableEvent;
import io.freelance.ledger.invoice.InvoiceId;
import io.freelance.ledger.invoice.InvoiceIssuedEvent;
import io.freelance.ledger.invoice.InvoiceLine;
import io.freelance.ledger.invoice.InvoicePaidEvent;
import io.freelance.ledger.invoice.InvoicePaymentReason;
import io.freelance.ledger.invoice.InvoicedCell;
import io.freelance.ledger.ledger.EntryCause;
import io.freelance.ledger.ledger.FeeRates;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.JournalLeg;
import io.freelance.ledger.ledger.LedgerAccount;
import io.freelance.ledger.ledger.LedgerAccounts;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;

/**
 * The invoice of the week of 23 November 2026 (ISO week 2026-W48) of one hourly contract at 40.00 USD an
 * hour: twelve billed cells, two hours, 80.00 plus a 4.00 marketplace fee. Six tracked cells on Wednesday
 * morning are protected; three manual cells after them and three tracked cells of low activity on Thursday
 * are not. Its events are written out with literal amounts, so each test states the money to the cent.
 */
final class InvoiceScenario {

    static final String CONTRACT_ID = "contract-1";
    static final LocalDate WEEK = LocalDate.of(2026, 11, 23);
    static final String INVOICE_ID = InvoiceId.forWeek(CONTRACT_ID, WEEK);
    static final String DISPUTE_ID = HourDisputeId.forWeek(CONTRACT_ID, WEEK);
    static final String DIARY_ID = WorkDiaryId.forWeek(CONTRACT_ID, WEEK);
    static final Money RATE = usd("40.00");
    static final FeeRates RATES = FeeRates.UPWORK_DEFAULT;

    /** Monday 12:00 UTC after the week. */
    static final Instant ISSUED_AT = Instant.parse("2026-11-30T12:00:00Z");
    /** During the client's review. */
    static final Instant TUESDAY = Instant.parse("2026-12-01T10:00:00Z");
    /** Friday 23:59:59 UTC of the invoicing week. */
    static final Instant REVIEW_ENDS_AT = Instant.parse("2026-12-04T23:59:59Z");
    static final Duration RESPONSE_WINDOW = Duration.ofDays(3);
    static final Duration SECURITY_PERIOD = Duration.ofDays(5);

    static final List<InvoicedCell> PROTECTED = cells("2026-11-25T09:00:00Z", 6, false);
    static final List<InvoicedCell> MANUAL = cells("2026-11-25T10:00:00Z", 3, true);
    static final List<InvoicedCell> LOW_ACTIVITY = cells("2026-11-26T11:00:00Z", 3, false);
    static final List<InvoicedCell> ALL_CELLS = Stream.of(PROTECTED, MANUAL, LOW_ACTIVITY).flatMap(List::stream).toList();
    static final String REASON = "Nothing was delivered on Thursday.";
    static final String NOTE = "The screenshots show the work.";

    static final LedgerAccount CLIENT_CHARGES = LedgerAccounts.clientCharges(CLIENT.userId());
    static final LedgerAccount CLIENT_REFUNDS = LedgerAccounts.clientRefunds(CLIENT.userId());
    static final LedgerAccount ESCROW = LedgerAccounts.escrow(CONTRACT_ID);
    static final LedgerAccount PENDING = LedgerAccounts.freelancerPending(FREELANCER.userId());
    static final LedgerAccount AVAILABLE = LedgerAccounts.freelancerAvailable(FREELANCER.userId());

    static final Actor HANDLER = new Actor("handler-1", Role.DISPUTE_HANDLER);
    static final Actor FINANCE = new Actor("finance-1", Role.FINANCE);

    private InvoiceScenario() {
    }

    static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    static IssueInvoiceCommand issue() {
        return issue(ALL_CELLS, RATE);
    }

    static IssueInvoiceCommand issue(List<InvoicedCell> cells, Money rate) {
        return new IssueInvoiceCommand(INVOICE_ID, CONTRACT_ID, CLIENT.userId(), FREELANCER.userId(), DIARY_ID, WEEK, rate,
                cells, 2);
    }

    static InvoiceIssuedEvent issued() {
        JournalEntry charge = entry(InvoiceJournal.CHARGE, EntryCause.invoice(InvoiceJournal.CHARGE, CONTRACT_ID, INVOICE_ID),
                ISSUED_AT, leg(CLIENT_CHARGES, "-84.00"), leg(ESCROW, "80.00"), leg(LedgerAccounts.MARKETPLACE_FEES, "4.00"));
        return new InvoiceIssuedEvent(INVOICE_ID, InvoiceId.number(CONTRACT_ID, WEEK), CONTRACT_ID, CLIENT.userId(),
                FREELANCER.userId(), DIARY_ID, WEEK, Instant.parse("2026-11-23T00:00:00Z"),
                Instant.parse("2026-11-30T00:00:00Z"), RATE, 12, new BigDecimal("2.00"), 2,
                List.of(new InvoiceLine(LocalDate.of(2026, 11, 25), 9, new BigDecimal("1.50"), RATE, usd("60.00")),
                        new InvoiceLine(LocalDate.of(2026, 11, 26), 3, new BigDecimal("0.50"), RATE, usd("20.00"))),
                ALL_CELLS, usd("80.00"), usd("4.00"), usd("84.00"), charge, ISSUED_AT, REVIEW_ENDS_AT);
    }

    static HourDisputeOpenedEvent disputed(List<InvoicedCell> cells, String disputedUsd, String protectedUsd, Instant at) {
        return new HourDisputeOpenedEvent(INVOICE_ID, DISPUTE_ID, CONTRACT_ID, CLIENT.userId(), FREELANCER.userId(), cells,
                usd(disputedUsd), usd(protectedUsd), REASON, at, at.plus(RESPONSE_WINDOW));
    }

    static HourDisputeRespondedEvent responded(HourDisputeResponse response, String note, Instant at) {
        return new HourDisputeRespondedEvent(INVOICE_ID, DISPUTE_ID, CONTRACT_ID, FREELANCER.userId(), response, note, at);
    }

    /** A settlement that refunds {@code refundedUsd} of the disputed cells, with the marketplace fee on it. */
    static HourDisputeSettledEvent settled(HourDisputeOutcome outcome, Actor decidedBy, String note,
                                           List<InvoicedCell> refunded, List<InvoicedCell> paid, String refundedUsd,
                                           String feeRefundUsd, String remainingUsd, Instant at) {
        Money refund = usd(refundedUsd);
        JournalEntry entry = refund.isZero() ? null : entry(InvoiceJournal.DISPUTE_REFUND,
                EntryCause.invoiceDispute(InvoiceJournal.DISPUTE_REFUND, CONTRACT_ID, INVOICE_ID, DISPUTE_ID), at,
                leg(ESCROW, "-" + refundedUsd), leg(LedgerAccounts.MARKETPLACE_FEES, "-" + feeRefundUsd),
                leg(CLIENT_REFUNDS, refund.plus(usd(feeRefundUsd)).amount().toPlainString()));
        return new HourDisputeSettledEvent(INVOICE_ID, DISPUTE_ID, CONTRACT_ID, CLIENT.userId(), FREELANCER.userId(),
                outcome, decidedBy.userId(), decidedBy.role(), note, times(refunded), times(paid), refund,
                usd(feeRefundUsd), usd(remainingUsd), entry, at);
    }

    /** Paid into pending: {@code paidUsd} leaves escrow, the service fee goes to the platform. */
    static InvoicePaidEvent paid(InvoicePaymentReason reason, String disputeId, String paidUsd, String serviceFeeUsd,
                                 Instant at) {
        EntryCause cause = disputeId == null
                ? EntryCause.invoice(InvoiceJournal.PAYMENT, CONTRACT_ID, INVOICE_ID)
                : EntryCause.invoiceDispute(InvoiceJournal.PAYMENT, CONTRACT_ID, INVOICE_ID, disputeId);
        Money net = usd(paidUsd).minus(usd(serviceFeeUsd));
        JournalEntry entry = entry(InvoiceJournal.PAYMENT, cause, at, leg(ESCROW, "-" + paidUsd),
                leg(PENDING, net.amount().toPlainString()), leg(LedgerAccounts.SERVICE_FEES, serviceFeeUsd));
        return new InvoicePaidEvent(INVOICE_ID, CONTRACT_ID, FREELANCER.userId(), disputeId, reason, usd(paidUsd),
                usd(serviceFeeUsd), net, entry, at, at.plus(SECURITY_PERIOD));
    }

    static InvoiceFundsAvailableEvent available(InvoicePaidEvent payment) {
        Instant at = payment.availableAt();
        String amount = payment.paidToFreelancer().amount().toPlainString();
        JournalEntry entry = entry(InvoiceJournal.FUNDS_AVAILABLE,
                EntryCause.invoice(InvoiceJournal.FUNDS_AVAILABLE, CONTRACT_ID, INVOICE_ID), at,
                leg(PENDING, "-" + amount), leg(AVAILABLE, amount));
        return new InvoiceFundsAvailableEvent(INVOICE_ID, CONTRACT_ID, FREELANCER.userId(),
                payment.journalEntry().entryId(), payment.paidToFreelancer(), entry, at);
    }

    static List<Instant> times(List<InvoicedCell> cells) {
        return cells.stream().map(InvoicedCell::cellDateTime).toList();
    }

    @SafeVarargs
    static List<InvoicedCell> concat(List<InvoicedCell>... parts) {
        return Stream.of(parts).flatMap(List::stream).sorted(java.util.Comparator.comparing(InvoicedCell::cellDateTime)).toList();
    }

    static CommandMessage<?> by(Actor actor, Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(actor.asMetaData());
    }

    static JournalLeg leg(LedgerAccount account, String amountUsd) {
        return new JournalLeg(account, usd(amountUsd));
    }

    private static JournalEntry entry(String kind, EntryCause cause, Instant at, JournalLeg... legs) {
        return new JournalEntry(JournalEntry.deterministicId(INVOICE_ID, kind), at, cause, RATES, List.of(legs));
    }

    /** {@code count} consecutive cells from {@code first}; tracked ones on Thursday are of low activity. */
    private static List<InvoicedCell> cells(String first, int count, boolean manual) {
        List<InvoicedCell> cells = new ArrayList<>();
        boolean lowActivity = !manual && first.startsWith("2026-11-26");
        List<UnprotectedReason> reasons = manual ? List.of(UnprotectedReason.MANUAL)
                : lowActivity ? List.of(UnprotectedReason.LOW_ACTIVITY) : List.of();
        for (int index = 0; index < count; index++) {
            cells.add(new InvoicedCell(Instant.parse(first).plus(Duration.ofMinutes(10L * index)), manual, reasons));
        }
        return List.copyOf(cells);
    }
}
