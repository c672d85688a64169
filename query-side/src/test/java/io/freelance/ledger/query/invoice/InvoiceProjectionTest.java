package io.freelance.ledger.query.invoice;

import static io.freelance.ledger.query.testsupport.Entries.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.mongodb.client.MongoDatabase;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.diary.UnprotectedReason;
import io.freelance.ledger.dispute.HourDisputeOutcome;
import io.freelance.ledger.dispute.HourDisputeResponse;
import io.freelance.ledger.invoice.InvoiceLine;
import io.freelance.ledger.invoice.InvoicePaymentReason;
import io.freelance.ledger.invoice.InvoiceStatus;
import io.freelance.ledger.query.readstore.AppliedVersions;
import io.freelance.ledger.query.testsupport.InMemoryMongo;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The invoice read model as the Invoice aggregate's events build it: issue, dispute, answer, ruling, payment
 * and the end of the security period; redelivered events; the lists pages are read from. Five tracked cells
 * and two manual ones at 33.33 an hour: 38.89 billed, 1.94 marketplace fee.
 */
class InvoiceProjectionTest {

    private static final LocalDate WEEK = LocalDate.of(2030, 1, 7);
    private static final Instant TUESDAY = Instant.parse("2030-01-15T10:00:00Z");
    private static final Instant WEDNESDAY = Instant.parse("2030-01-16T10:00:00Z");
    private static final Instant SATURDAY = Instant.parse("2030-01-19T00:00:00Z");

    private static InMemoryMongo mongo;
    private static MongoDatabase database;
    private static InvoiceStore store;
    private static InvoiceProjection projection;
    private static InvoiceReadModel readModel;

    private final InvoiceEvents week = new InvoiceEvents("contract-1", WEEK, 5, 2);

    @BeforeAll
    static void startMongo() {
        mongo = new InMemoryMongo();
        database = mongo.database("invoice-projection-test");
        InvoiceLists lists = new InvoiceLists(database);
        store = new InvoiceStore(database, lists, new AppliedVersions(SimpleQueryUpdateEmitter.builder().build(), List.of()));
        projection = new InvoiceProjection(store);
        readModel = new InvoiceReadModel(database, lists);
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void emptyCollections() {
        projection.onReset();
    }

    @Test
    void anIssuedInvoiceShowsTheWeekItsLinesAndTheChargeInReview() {
        projection.on(week.issued(), 0);

        InvoiceView invoice = invoice();
        assertThat(invoice.number()).startsWith("INV-2030-W02-");
        assertThat(invoice.contractId()).isEqualTo("contract-1");
        assertThat(invoice.clientId()).isEqualTo("alice");
        assertThat(invoice.freelancerId()).isEqualTo("carol");
        assertThat(invoice.weekStart()).isEqualTo(WEEK);
        assertThat(invoice.periodStart()).isEqualTo(Instant.parse("2030-01-07T00:00:00Z"));
        assertThat(invoice.periodEnd()).isEqualTo(Instant.parse("2030-01-14T00:00:00Z"));
        assertThat(invoice.hourlyRate()).isEqualTo(usd("33.33"));
        assertThat(invoice.billableCells()).isEqualTo(7);
        assertThat(invoice.billableHours()).isEqualByComparingTo("1.17");
        assertThat(invoice.overtimeCells()).isEqualTo(2);
        assertThat(invoice.lines()).extracting(InvoiceLine::date, InvoiceLine::cells, InvoiceLine::amount)
                .containsExactly(tuple(LocalDate.of(2030, 1, 9), 7, usd("38.89")));
        assertThat(invoice.amount()).isEqualTo(usd("38.89"));
        assertThat(invoice.marketplaceFee()).isEqualTo(usd("1.94"));
        assertThat(invoice.totalCharged()).isEqualTo(usd("40.83"));
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.IN_REVIEW);
        assertThat(invoice.issuedAt()).isEqualTo(Instant.parse("2030-01-14T12:00:00Z"));
        assertThat(invoice.reviewEndsAt()).isEqualTo(Instant.parse("2030-01-18T23:59:59Z"));
        assertThat(invoice.refundedAmount()).isEqualTo(usd("0.00"));
        assertThat(invoice.payment()).isNull();
        assertThat(invoice.dispute()).isNull();
        assertThat(readModel.appliedVersion(week.invoiceId)).isZero();
    }

    @Test
    void cellsKeepTheirProtectionAsInvoiced() {
        projection.on(week.issued(), 0);

        assertThat(invoice().cells()).hasSize(7);
        assertThat(invoice().cells().get(0).cellDateTime()).isEqualTo(Instant.parse("2030-01-09T09:00:00Z"));
        assertThat(invoice().cells().get(0).isProtected()).isTrue();
        assertThat(invoice().cells().get(6).manual()).isTrue();
        assertThat(invoice().cells().get(6).unprotectedReasons()).containsExactly(UnprotectedReason.MANUAL);
    }

    @Test
    void moneyAndHoursAreStoredAsExactDecimals() {
        projection.on(week.issued(), 0);

        Document stored = database.getCollection(InvoiceStore.COLLECTION).find().first();
        assertThat(stored.get("amount", Document.class).get("amount")).isEqualTo(new Decimal128(new BigDecimal("38.89")));
        assertThat(stored.get("billableHours")).isEqualTo(new Decimal128(new BigDecimal("1.17")));
        assertThat(stored.getString("weekStart")).isEqualTo("2030-01-07");
    }

    @Test
    void aDisputeHoldsTheInvoiceUntilItsRulingThenTheRestIsPaidAndBecomesAvailable() {
        projection.on(week.issued(), 0);
        projection.on(week.disputed(TUESDAY, 0, 5, 6), 1);

        InvoiceView disputed = invoice();
        assertThat(disputed.status()).isEqualTo(InvoiceStatus.DISPUTED);
        assertThat(disputed.dispute().id()).isEqualTo(week.disputeId);
        assertThat(disputed.dispute().cells()).extracting(cell -> cell.cellDateTime())
                .containsExactly(week.cell(0), week.cell(5), week.cell(6));
        assertThat(disputed.dispute().disputedAmount()).isEqualTo(usd("16.67"));
        assertThat(disputed.dispute().protectedAmount()).isEqualTo(usd("5.56"));
        assertThat(disputed.dispute().reason()).isEqualTo("Those were lunch breaks.");
        assertThat(disputed.dispute().responseDueAt()).isEqualTo(TUESDAY.plus(Duration.ofDays(3)));
        assertThat(disputed.dispute().response()).isNull();
        assertThat(disputed.dispute().settlement()).isNull();

        projection.on(week.contested(TUESDAY.plusSeconds(60)), 2);
        assertThat(invoice().dispute().response()).isEqualTo(HourDisputeResponse.CONTEST);
        assertThat(invoice().dispute().responseNote()).isEqualTo("I was working on the migration.");
        assertThat(invoice().dispute().respondedAt()).isEqualTo(TUESDAY.plusSeconds(60));
        assertThat(invoice().status()).isEqualTo(InvoiceStatus.DISPUTED);

        projection.on(week.decided(WEDNESDAY, List.of(week.cell(5)), List.of(week.cell(0), week.cell(6))), 3);
        InvoiceView decided = invoice();
        assertThat(decided.status()).as("the rest waits for the review's end").isEqualTo(InvoiceStatus.IN_REVIEW);
        HourDisputeSettlement settlement = decided.dispute().settlement();
        assertThat(settlement.outcome()).isEqualTo(HourDisputeOutcome.DECIDED_BY_HANDLER);
        assertThat(settlement.decidedBy()).isEqualTo("frank");
        assertThat(settlement.decidedByRole()).isEqualTo(Role.DISPUTE_HANDLER);
        assertThat(settlement.refundedCells()).containsExactly(week.cell(5));
        assertThat(settlement.paidCells()).containsExactly(week.cell(0), week.cell(6));
        assertThat(settlement.refundedAmount()).isEqualTo(usd("5.56"));
        assertThat(settlement.marketplaceFeeRefunded()).isEqualTo(usd("0.28"));
        assertThat(settlement.remainingAmount()).isEqualTo(usd("33.33"));
        assertThat(decided.refundedAmount()).isEqualTo(usd("5.56"));

        projection.on(week.paid(usd("33.33"), SATURDAY, InvoicePaymentReason.REVIEW_PERIOD_ENDED), 4);
        InvoiceView paid = invoice();
        assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(paid.payment().reason()).isEqualTo(InvoicePaymentReason.REVIEW_PERIOD_ENDED);
        assertThat(paid.payment().amount()).isEqualTo(usd("33.33"));
        assertThat(paid.payment().serviceFee()).isEqualTo(usd("3.33"));
        assertThat(paid.payment().paidToFreelancer()).isEqualTo(usd("30.00"));
        assertThat(paid.payment().availableAt()).isEqualTo(SATURDAY.plus(Duration.ofDays(5)));
        assertThat(paid.payment().fundsAvailableAt()).isNull();
        assertThat(paid.dispute().settlement().refundedAmount()).as("kept beside the payment").isEqualTo(usd("5.56"));

        projection.on(week.available(usd("30.00"), SATURDAY.plus(Duration.ofDays(5))), 5);
        assertThat(invoice().status()).isEqualTo(InvoiceStatus.AVAILABLE);
        assertThat(invoice().payment().fundsAvailableAt()).isEqualTo(SATURDAY.plus(Duration.ofDays(5)));
        assertThat(readModel.appliedVersion(week.invoiceId)).isEqualTo(5);
    }

    @Test
    void aRulingThatRefundsEveryBilledHourEndsTheInvoiceRefunded() {
        InvoiceEvents manualOnly = new InvoiceEvents("contract-2", WEEK, 0, 2);
        projection.on(manualOnly.issued(), 0);
        projection.on(manualOnly.disputed(TUESDAY, 0, 1), 1);
        projection.on(manualOnly.contested(TUESDAY), 2);
        projection.on(manualOnly.decided(WEDNESDAY, List.of(manualOnly.cell(0), manualOnly.cell(1)), List.of()), 3);

        InvoiceView refunded = readModel.findById(manualOnly.invoiceId).orElseThrow();
        assertThat(refunded.status()).isEqualTo(InvoiceStatus.REFUNDED);
        assertThat(refunded.refundedAmount()).isEqualTo(usd("11.11"));
        assertThat(refunded.dispute().settlement().remainingAmount()).isEqualTo(usd("0.00"));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        projection.on(week.issued(), 0);
        projection.on(week.paid(week.amount(), TUESDAY, InvoicePaymentReason.APPROVED_BY_CLIENT), 1);

        projection.on(week.issued(), 0);
        projection.on(week.paid(week.amount(), WEDNESDAY, InvoicePaymentReason.APPROVED_BY_CLIENT), 1);

        assertThat(invoice().status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoice().payment().paidAt()).isEqualTo(TUESDAY);
        assertThat(readModel.pageOfContract("contract-1", null, 10)).hasSize(1);
        assertThat(readModel.appliedVersion(week.invoiceId)).isEqualTo(1);
    }

    @Test
    void anEventBeforeTheIssueIsRefusedSoItWaitsAsADeadLetter() {
        assertThatThrownBy(() -> projection.on(week.disputed(TUESDAY, 0), 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(week.invoiceId);
        assertThat(readModel.findById(week.invoiceId)).isEmpty();
    }

    @Test
    void listsOfAContractAndOfEachPartyAreReadLatestWeekFirstPageByPage() {
        InvoiceEvents first = new InvoiceEvents("contract-1", WEEK, 1, 0);
        InvoiceEvents second = new InvoiceEvents("contract-1", WEEK.plusWeeks(1), 1, 0);
        InvoiceEvents third = new InvoiceEvents("contract-1", WEEK.plusWeeks(2), 1, 0);
        InvoiceEvents otherContract = new InvoiceEvents("contract-9", WEEK, 1, 0);
        for (InvoiceEvents invoice : List.of(first, second, otherContract, third)) {
            projection.on(invoice.issued(), 0);
        }

        List<ListedInvoice> firstPage = readModel.pageOfContract("contract-1", null, 2);
        assertThat(firstPage).as("two and one more, which says a next page exists").hasSize(3);
        assertThat(ids(firstPage.subList(0, 2))).containsExactly(third.invoiceId, second.invoiceId);
        List<ListedInvoice> secondPage = readModel.pageOfContract("contract-1", firstPage.get(1).position(), 2);
        assertThat(ids(secondPage)).containsExactly(first.invoiceId);

        assertThat(ids(readModel.pageOfParty("alice", null, 10)))
                .containsExactly(third.invoiceId, otherContract.invoiceId, second.invoiceId, first.invoiceId);
        assertThat(ids(readModel.pageOfParty("carol", null, 10))).hasSize(4);
        assertThat(readModel.pageOfParty("bob", null, 10)).isEmpty();
    }

    @Test
    void aResetEmptiesInvoicesAndLists() {
        projection.on(week.issued(), 0);

        projection.onReset();

        assertThat(readModel.findById(week.invoiceId)).isEmpty();
        assertThat(readModel.pageOfContract("contract-1", null, 10)).isEmpty();
        assertThat(readModel.appliedVersion(week.invoiceId)).isEqualTo(-1);
    }

    private InvoiceView invoice() {
        return readModel.findById(week.invoiceId).orElseThrow();
    }

    private static List<String> ids(List<ListedInvoice> listed) {
        return listed.stream().map(entry -> entry.invoice().id()).toList();
    }
}
