package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.DemoUser.FRANK;
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
 * An hour dispute reaches the dispute desk: it is queued beside the fixed-price disputes, answered with
 * respondToDispute and decided with decideDispute, which hand it to the invoice's own commands. Three manual
 * cells at 60.00 an hour: 30.00 invoiced.
 */
class HourDisputeAtTheDeskTest extends HourlyCycleTestBase {

    @Test
    void theDeskQueuesAndDecidesAnHourDisputeThroughItsInvoice() {
        LocalDate week = weekAhead();
        String contractId = hourlyContract(week, "60.00");
        Instant first = at(week, 3, 9, 0);
        clock.at(at(week, 3, 18, 0));
        recordManualTime(contractId, first, first.plus(Duration.ofMinutes(30)), "Support tickets");
        String invoiceId = invoicedOnMondayNoon(contractId, week).path("id").asString();
        clock.at(UtcWeek.invoicedAt(week).plus(Duration.ofHours(22)));
        String disputeId = invoices.dispute(ALICE, invoiceId, List.of(first, first.plus(Duration.ofMinutes(10))),
                "Lunch break.").dataAt("disputeInvoiceHours.invoice.dispute.id").asString();
        LedgerBalances ledger = new LedgerBalances(api, "USD", "client:alice:refunds", "escrow:" + contractId);
        DisputeApi desk = new DisputeApi(api);

        eventually(() -> assertThat(desk.queue(FRANK, 100, null).dataAt("disputeQueue.edges").findValuesAsString("id"))
                .contains(disputeId));
        JsonNode queued = desk.dispute(FRANK, disputeId).dataAt("dispute");
        assertThat(queued.path("kind").asString()).isEqualTo("HOURS");
        assertThat(queued.path("invoiceId").asString()).isEqualTo(invoiceId);
        assertThat(queued.path("disputedAmount").path("amount").asString()).isEqualTo("20.00");
        assertThat(queued.path("openedBy").path("id").asString()).isEqualTo("alice");

        desk.respond(CAROL, disputeId, "CONTEST", "I was answering tickets.").answered();
        JsonNode refusal = desk.decideSplit(FRANK, disputeId, "10.00", "10.00", "USD").firstError();
        assertThat(refusal.path("extensions").path("rule").asString()).isEqualTo("dispute.hours-by-cells");
        JsonNode decided = api.call(FRANK, """
                mutation($input: DecideDisputeInput!) {
                  decideDispute(input: $input) { pending dispute { status settlement { resolution outcome
                    releaseAmount { amount } refundAmount { amount } decidedBy { id } } } }
                }""", Map.of("input", Map.of("disputeId", disputeId, "refundedCellDateTimes", List.of(first.toString()),
                "note", "The first ten minutes were lunch."))).dataAt("decideDispute");

        assertThat(decided.path("pending").asBoolean()).isFalse();
        assertThat(decided.path("dispute").path("status").asString()).isEqualTo("SETTLED");
        JsonNode settlement = decided.path("dispute").path("settlement");
        assertThat(settlement.path("resolution").asString()).isEqualTo("DECIDED_BY_HANDLER");
        assertThat(settlement.path("outcome").asString()).isEqualTo("SPLIT");
        assertThat(settlement.path("refundAmount").path("amount").asString()).isEqualTo("10.00");
        assertThat(settlement.path("releaseAmount").path("amount").asString()).isEqualTo("10.00");
        assertThat(invoices.invoice(ALICE, invoiceId).dataAt("invoice.dispute.settlement.outcome").asString())
                .isEqualTo("DECIDED_BY_HANDLER");
        ledger.expectChanges(Map.of("client:alice:refunds", "10.50", "escrow:" + contractId, "-10.00"));
        assertThat(desk.queue(FRANK, 100, null).dataAt("disputeQueue.edges").findValuesAsString("id"))
                .doesNotContain(disputeId);
    }
}
