package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.BOB;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.DemoUser.DAVE;
import static io.freelance.ledger.standalone.DemoUser.ERIN;
import static io.freelance.ledger.standalone.DemoUser.FRANK;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.common.UtcWeek;
import io.freelance.ledger.standalone.GraphQlHttpClient.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Invoice and hour-dispute requests the service refuses, over HTTP GraphQL (DESIGN §4, §6): each answered with
 * a classified error naming the field and the rule, and nothing recorded: no event stored, no balance moved.
 * One week of three manual cells at 60.00 an hour: 30.00 invoiced, 1.50 fee.
 */
class HourDisputeRefusalsTest extends HourlyCycleTestBase {

    @Test
    void disputesAndDecisionsOutsideTheRulesAreRefusedAndRecordNothing() {
        LocalDate week = weekAhead();
        String contractId = hourlyContract(week, "60.00");
        Instant first = at(week, 3, 9, 0);
        clock.at(at(week, 3, 18, 0));
        recordManualTime(contractId, first, first.plus(Duration.ofMinutes(30)), "Support tickets");
        String invoiceId = invoicedOnMondayNoon(contractId, week).path("id").asString();
        LedgerBalances ledger = new LedgerBalances(api, "USD", "client:alice:charges", "client:alice:refunds",
                "escrow:" + contractId, "freelancer:carol:pending");
        Map<String, String> unchanged = Map.of("client:alice:charges", "0.00", "client:alice:refunds", "0.00",
                "escrow:" + contractId, "0.00", "freelancer:carol:pending", "0.00");
        clock.at(UtcWeek.invoicedAt(week).plus(Duration.ofHours(22)));
        List<Instant> billed = List.of(first);

        // Disputing: only the client, only billed cells, on a cell boundary, with a reason.
        refused(() -> invoices.dispute(CAROL, invoiceId, billed, "Not mine"), "FORBIDDEN", "invoiceId", "contract.client-only");
        refused(() -> invoices.dispute(ERIN, invoiceId, billed, "Audit"), "FORBIDDEN", "invoiceId", "contract.client-only");
        refused(() -> invoices.dispute(BOB, invoiceId, billed, "Not mine"), "NOT_FOUND", "invoiceId", "invoice.not-found");
        refused(() -> invoices.dispute(ALICE, invoiceId, List.of(first.plus(Duration.ofHours(1))), "Never worked"),
                "BAD_REQUEST", "cellDateTimes[0]", "cellDateTimes.not-invoiced");
        refused(() -> invoices.dispute(ALICE, invoiceId, List.of(first.plus(Duration.ofMinutes(5))), "Half a cell"),
                "BAD_REQUEST", "cellDateTimes[0]", "cellDateTimes.aligned");
        refused(() -> invoices.dispute(ALICE, invoiceId, List.of(), "Nothing"), "BAD_REQUEST", "cellDateTimes",
                "cellDateTimes.required");
        refused(() -> invoices.dispute(ALICE, invoiceId, billed, " "), "BAD_REQUEST", "reason", "reason.required");
        refused(() -> invoices.dispute(ALICE, "invoice-unknown.2030-W01", billed, "Lost"), "NOT_FOUND", "invoiceId",
                "invoice.not-found");

        // Nothing to answer or decide before a dispute.
        refused(() -> invoices.respond(CAROL, invoiceId, "ACCEPT_REFUND", null), "CONFLICT", "invoiceId", "dispute.not-found");
        refused(() -> invoices.decide(FRANK, invoiceId, List.of(), "Nothing to decide"), "CONFLICT", "invoiceId",
                "dispute.not-found");

        assertThat(invoices.dispute(ALICE, invoiceId, billed, "That was a lunch break.")
                .dataAt("disputeInvoiceHours.invoice.status").asString()).isEqualTo("DISPUTED");

        // Answering: only the freelancer, and a contest says why. Deciding: only a dispute handler, once contested.
        refused(() -> invoices.respond(ALICE, invoiceId, "CONTEST", "I say so"), "FORBIDDEN", "invoiceId",
                "contract.freelancer-only");
        refused(() -> invoices.respond(FRANK, invoiceId, "CONTEST", "I say so"), "FORBIDDEN", "invoiceId",
                "contract.freelancer-only");
        refused(() -> invoices.respond(CAROL, invoiceId, "CONTEST", null), "BAD_REQUEST", "note", "note.required");
        refused(() -> invoices.decide(FRANK, invoiceId, billed, "Refund"), "CONFLICT", "invoiceId",
                "dispute.awaiting-response");
        invoices.respond(CAROL, invoiceId, "CONTEST", "I was answering tickets.").answered();
        refused(() -> invoices.decide(ALICE, invoiceId, billed, "Refund me"), "FORBIDDEN", "invoiceId", "dispute.handler-only");
        refused(() -> invoices.decide(ERIN, invoiceId, billed, "Refund"), "FORBIDDEN", "invoiceId", "dispute.handler-only");
        refused(() -> invoices.decide(DAVE, invoiceId, billed, "Refund"), "NOT_FOUND", "invoiceId", "invoice.not-found");
        refused(() -> invoices.decide(FRANK, invoiceId, List.of(first.plus(Duration.ofMinutes(10))), "Refund"),
                "BAD_REQUEST", "refundedCellDateTimes[0]", "refundedCellDateTimes.not-disputed");
        refused(() -> invoices.approve(ALICE, invoiceId), "CONFLICT", "invoiceId", "invoice.disputed");
        ledger.expectChanges(unchanged);
    }

    @Test
    void afterTheReviewWindowHoursCanNoLongerBeDisputedAndAPaidInvoiceNotApproved() {
        LocalDate week = weekAhead();
        String contractId = hourlyContract(week, "60.00");
        Instant first = at(week, 5, 9, 0);
        clock.at(at(week, 5, 18, 0));
        recordManualTime(contractId, first, first.plus(Duration.ofMinutes(20)), "Release notes");
        String invoiceId = invoicedOnMondayNoon(contractId, week).path("id").asString();
        LedgerBalances ledger = new LedgerBalances(api, "USD", "client:alice:charges", "escrow:" + contractId);

        // Saturday morning: the review ended on Friday night, even before its deadline has paid the invoice.
        clock.at(UtcWeek.clientReviewEndsAt(week).plus(Duration.ofHours(9)));
        refused(() -> invoices.dispute(ALICE, invoiceId, List.of(first), "Too late"), "CONFLICT", "invoiceId",
                "invoice.review-over");

        moveTo(clock.now(), contractId);
        eventually(() -> assertThat(invoices.invoice(ALICE, invoiceId).dataAt("invoice.status").asString()).isEqualTo("PAID"));
        ledger.expectChanges(Map.of("client:alice:charges", "0.00", "escrow:" + contractId, "-20.00"));
        refused(() -> invoices.approve(ALICE, invoiceId), "CONFLICT", "invoiceId", "invoice.state");
        refused(() -> invoices.dispute(ALICE, invoiceId, List.of(first), "Too late"), "CONFLICT", "invoiceId", "invoice.state");
        ledger.expectChanges(Map.of("client:alice:charges", "0.00", "escrow:" + contractId, "-20.00"));
    }

    @Test
    void listsOfOtherPeoplesContractsAreNotFoundAndOverseersNameAContract() {
        LocalDate week = weekAhead();
        String contractId = hourlyContract(week, "60.00");

        JsonNode outsider = invoices.invoices(BOB, contractId, 10, null).firstError();
        assertThat(outsider.path("extensions").path("classification").asString()).isEqualTo("NOT_FOUND");
        assertThat(outsider.path("extensions").path("rule").asString()).isEqualTo("contract.not-found");
        JsonNode finance = invoices.invoices(ERIN, null, 10, null).firstError();
        assertThat(finance.path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(finance.path("extensions").path("field").asString()).isEqualTo("contractId");
        assertThat(finance.path("extensions").path("rule").asString()).isEqualTo("contractId.required");
        assertThat(invoices.invoices(ERIN, contractId, 10, null).dataAt("invoices.edges")).isEmpty();
    }
}
