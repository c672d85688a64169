package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.BOB;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.DemoUser.DAVE;
import static io.freelance.ledger.standalone.DemoUser.ERIN;
import static io.freelance.ledger.standalone.DemoUser.FRANK;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.common.UtcWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A whole hourly week over HTTP GraphQL, its deadlines fired from the durable store: 25 cells of manual time
 * at 33.33 USD an hour, invoiced on the Monday noon after the week (138.88 plus 6.94 marketplace fee); the
 * client disputes four cells, the freelancer contests, a dispute handler refunds two (11.11 and the 0.56 fee
 * on them); the rest is paid when the review ends on Friday night (127.77 less 12.78 service fee) and becomes
 * available five days later. Every balance is checked to the cent at every step.
 */
class HourlyInvoiceJourneyTest extends HourlyCycleTestBase {

    @Test
    void aWeekIsInvoicedDisputedDecidedPaidAndMadeAvailableRightToTheCent() {
        LocalDate week = weekAhead();
        String contractId = hourlyContract(week, "33.33");
        clock.at(at(week, 4, 18, 0));
        recordManualTime(contractId, at(week, 3, 9, 0), at(week, 3, 12, 0), "Database migration");
        recordManualTime(contractId, at(week, 4, 14, 0), at(week, 4, 15, 10), "Code review");

        String charges = "client:alice:charges";
        String refunds = "client:alice:refunds";
        String escrow = "escrow:" + contractId;
        String pending = "freelancer:carol:pending";
        String available = "freelancer:carol:available";
        String serviceFees = "platform:fees:service";
        String marketplaceFees = "platform:fees:marketplace";
        LedgerBalances ledger = new LedgerBalances(api, "USD",
                charges, refunds, escrow, pending, available, serviceFees, marketplaceFees);

        // Monday 12:00 after the week: invoiced, and the client charged the hours plus the 5% fee.
        JsonNode invoice = invoicedOnMondayNoon(contractId, week);
        String invoiceId = invoice.path("id").asString();
        Instant monday = UtcWeek.invoicedAt(week);
        assertThat(invoice.path("number").asString()).startsWith("INV-" + UtcWeek.isoLabel(week) + "-");
        assertThat(invoice.path("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(invoice.path("contractId").asString()).isEqualTo(contractId);
        assertThat(invoice.path("weekStart").asString()).isEqualTo(week.toString());
        assertThat(Instant.parse(invoice.path("issuedAt").asString())).isEqualTo(monday);
        assertThat(Instant.parse(invoice.path("reviewEndsAt").asString())).isEqualTo(UtcWeek.clientReviewEndsAt(week));
        assertThat(invoice.path("billableCells").asInt()).isEqualTo(25);
        assertThat(invoice.path("billableHours").asString()).isEqualTo("4.17");
        assertThat(invoice.path("overtimeCells").asInt()).isZero();
        assertThat(invoice.path("lines")).hasSize(2);
        assertThat(invoice.path("lines").get(0).path("date").asString()).isEqualTo(week.plusDays(2).toString());
        assertThat(invoice.path("lines").get(0).path("cells").asInt()).isEqualTo(18);
        assertThat(amount(invoice.path("lines").get(0))).isEqualTo("99.99");
        assertThat(amount(invoice.path("lines").get(1))).isEqualTo("38.89");
        assertThat(amount(invoice)).isEqualTo("138.88");
        assertThat(amount(invoice.path("marketplaceFee"))).isEqualTo("6.94");
        assertThat(amount(invoice.path("totalCharged"))).isEqualTo("145.82");
        assertThat(invoice.path("cells")).hasSize(25).allSatisfy(cell -> {
            assertThat(cell.path("manual").asBoolean()).isTrue();
            assertThat(cell.path("protected").asBoolean()).isFalse();
            assertThat(cell.path("unprotectedReasons").get(0).asString()).isEqualTo("MANUAL");
        });
        ledger.expectChanges(Map.of(charges, "-145.82", escrow, "138.88", marketplaceFees, "6.94",
                refunds, "0.00", pending, "0.00", serviceFees, "0.00"));

        // Who sees it: the parties, finance and dispute handlers; to anyone else it does not exist.
        for (DemoUser reader : List.of(CAROL, ERIN, FRANK)) {
            assertThat(invoices.invoice(reader, invoiceId).dataAt("invoice.id").asString()).isEqualTo(invoiceId);
        }
        for (DemoUser outsider : List.of(BOB, DAVE)) {
            JsonNode error = invoices.invoice(outsider, invoiceId).firstError();
            assertThat(error.path("extensions").path("classification").asString()).isEqualTo("NOT_FOUND");
            assertThat(error.path("extensions").path("rule").asString()).isEqualTo("invoice.not-found");
        }
        assertThat(invoices.invoices(CAROL, contractId, 10, null).dataAt("invoices.edges.0.node.id").asString())
                .isEqualTo(invoiceId);
        assertThat(invoices.invoices(ALICE, null, 100, null).dataAt("invoices.edges").findValuesAsString("id"))
                .contains(invoiceId);
        assertThat(invoices.contractInvoices(ERIN, contractId).dataAt("contract.invoices.edges.0.node.id").asString())
                .isEqualTo(invoiceId);

        // Tuesday: Alice disputes forty minutes of Thursday; the payment waits for the dispute.
        clock.at(monday.plus(Duration.ofHours(22)));
        List<Instant> disputedCells = List.of(at(week, 4, 14, 0), at(week, 4, 14, 10), at(week, 4, 14, 20), at(week, 4, 14, 30));
        JsonNode disputed = invoices.dispute(ALICE, invoiceId, disputedCells, "That was a meeting about another project.")
                .dataAt("disputeInvoiceHours");
        assertThat(disputed.path("pending").asBoolean()).isFalse();
        assertThat(disputed.path("invoice").path("status").asString()).isEqualTo("DISPUTED");
        JsonNode dispute = disputed.path("invoice").path("dispute");
        assertThat(dispute.path("cells")).hasSize(4);
        assertThat(amount(dispute.path("disputedAmount"))).isEqualTo("22.22");
        assertThat(amount(dispute.path("protectedAmount"))).isEqualTo("0.00");
        assertThat(Instant.parse(dispute.path("responseDueAt").asString())).isEqualTo(clock.now().plus(Duration.ofDays(3)));

        // Tuesday afternoon: Carol contests; a dispute handler decides.
        clock.at(monday.plus(Duration.ofHours(27)));
        JsonNode contested = invoices.respond(CAROL, invoiceId, "CONTEST", "Only the first twenty minutes were the meeting.")
                .dataAt("respondToHourDispute.invoice");
        assertThat(contested.path("status").asString()).isEqualTo("DISPUTED");
        assertThat(contested.path("dispute").path("response").asString()).isEqualTo("CONTEST");

        // Wednesday: Frank refunds the two cells of the meeting; the other two are paid with the rest.
        clock.at(monday.plus(Duration.ofHours(45)));
        JsonNode decided = invoices.decide(FRANK, invoiceId, disputedCells.subList(0, 2), "The meeting took twenty minutes.")
                .dataAt("decideHourDispute.invoice");
        assertThat(decided.path("status").asString()).isEqualTo("IN_REVIEW");
        JsonNode settlement = decided.path("dispute").path("settlement");
        assertThat(settlement.path("outcome").asString()).isEqualTo("DECIDED_BY_HANDLER");
        assertThat(settlement.path("decidedBy").path("id").asString()).isEqualTo("frank");
        assertThat(settlement.path("decidedBy").path("role").asString()).isEqualTo("DISPUTE_HANDLER");
        // The client sees the handler by role only, as in the event history.
        assertThat(invoices.invoice(ALICE, invoiceId).dataAt("invoice.dispute.settlement.decidedBy.id").asString())
                .isEqualTo("DISPUTE_HANDLER");
        assertThat(settlement.path("refundedCells")).hasSize(2);
        assertThat(settlement.path("paidCells")).hasSize(2);
        assertThat(amount(settlement.path("refundedAmount"))).isEqualTo("11.11");
        assertThat(amount(settlement.path("marketplaceFeeRefunded"))).isEqualTo("0.56");
        assertThat(amount(settlement.path("remainingAmount"))).isEqualTo("127.77");
        assertThat(amount(decided.path("refundedAmount"))).isEqualTo("11.11");
        ledger.expectChanges(Map.of(charges, "-145.82", escrow, "127.77", refunds, "11.67", marketplaceFees, "6.38",
                pending, "0.00"));

        // Friday 23:59:59, the review's end: the rest is paid less the 10% service fee; the security period starts.
        Instant reviewEnd = UtcWeek.clientReviewEndsAt(week);
        assertThat(moveTo(reviewEnd, contractId)).as("the review's end and the spent response deadline").isEqualTo(2);
        eventually(() -> assertThat(invoices.invoice(ALICE, invoiceId).dataAt("invoice.status").asString()).isEqualTo("PAID"));
        JsonNode payment = invoices.invoice(CAROL, invoiceId).dataAt("invoice.payment");
        assertThat(payment.path("reason").asString()).isEqualTo("REVIEW_PERIOD_ENDED");
        assertThat(amount(payment)).isEqualTo("127.77");
        assertThat(amount(payment.path("serviceFee"))).isEqualTo("12.78");
        assertThat(amount(payment.path("paidToFreelancer"))).isEqualTo("114.99");
        assertThat(Instant.parse(payment.path("paidAt").asString())).isEqualTo(reviewEnd);
        Instant availableAt = reviewEnd.plus(Duration.ofDays(5));
        assertThat(Instant.parse(payment.path("availableAt").asString())).isEqualTo(availableAt);
        ledger.expectChanges(Map.of(charges, "-145.82", escrow, "0.00", refunds, "11.67", marketplaceFees, "6.38",
                pending, "114.99", serviceFees, "12.78", available, "0.00"));

        // Five days later the payment is available to Carol.
        assertThat(moveTo(availableAt, contractId)).isEqualTo(1);
        eventually(() -> assertThat(invoices.invoice(CAROL, invoiceId).dataAt("invoice.status").asString()).isEqualTo("AVAILABLE"));
        assertThat(Instant.parse(invoices.invoice(CAROL, invoiceId).dataAt("invoice.payment.fundsAvailableAt").asString()))
                .isEqualTo(availableAt);
        ledger.expectChanges(Map.ofEntries(entry(charges, "-145.82"), entry(escrow, "0.00"), entry(refunds, "11.67"),
                entry(marketplaceFees, "6.38"), entry(pending, "0.00"), entry(available, "114.99"),
                entry(serviceFees, "12.78")));
        assertThat(time.pendingDueTimes(contractId)).isEmpty();
        assertThat(api.trialBalance("USD").dataAt("trialBalance.total.amount").asString()).isEqualTo("0.00");
    }

    private static String amount(JsonNode node) {
        JsonNode money = node.has("amount") && node.path("amount").isObject() ? node.path("amount") : node;
        return money.path("amount").asString();
    }
}
