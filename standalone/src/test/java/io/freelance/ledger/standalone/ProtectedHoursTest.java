package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.DemoUser.FRANK;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.UtcWeek;
import io.freelance.ledger.contract.HourlyTerms;
import io.freelance.ledger.contract.OfferHourlyContractCommand;
import io.freelance.ledger.diary.MinuteActivity;
import io.freelance.ledger.diary.RecordTrackedSegmentCommand;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Protected hours are paid even when the client disputes them (DESIGN §4): a week of three tracked cells
 * (screenshot, memo, activity) and two manual ones at 30.00 an hour. The contract is offered through the
 * command gateway, with the tracker opted in, and the segments recorded there: the GraphQL offer has no
 * tracker opt-in and the API no segment mutation yet. Everything else goes over HTTP GraphQL.
 */
class ProtectedHoursTest extends HourlyCycleTestBase {

    @Test
    void withoutAnAnswerTheRulesRefundOnlyTheUnprotectedDisputedCells() {
        LocalDate week = weekAhead();
        String contractId = trackedWeek(week);
        String escrow = "escrow:" + contractId;
        LedgerBalances ledger = new LedgerBalances(api, "USD", "client:alice:charges", "client:alice:refunds", escrow,
                "freelancer:carol:pending", "platform:fees:marketplace", "platform:fees:service");

        JsonNode invoice = invoicedOnMondayNoon(contractId, week);
        String invoiceId = invoice.path("id").asString();
        assertThat(invoice.path("cells")).extracting(cell -> cell.path("protected").asBoolean())
                .containsExactly(true, true, true, false, false);
        assertThat(invoice.path("amount").path("amount").asString()).isEqualTo("25.00");
        ledger.expectChanges(Map.of("client:alice:charges", "-26.25", escrow, "25.00", "platform:fees:marketplace", "1.25"));

        // Tuesday: one protected and both manual cells disputed; Carol lets her three days pass.
        clock.at(UtcWeek.invoicedAt(week).plus(Duration.ofHours(22)));
        JsonNode dispute = invoices.dispute(ALICE, invoiceId, List.of(at(week, 3, 9, 0), at(week, 3, 10, 0), at(week, 3, 10, 10)),
                "Those were not worked.").dataAt("disputeInvoiceHours.invoice.dispute");
        assertThat(dispute.path("disputedAmount").path("amount").asString()).isEqualTo("15.00");
        assertThat(dispute.path("protectedAmount").path("amount").asString()).isEqualTo("5.00");

        Instant responseDue = Instant.parse(dispute.path("responseDueAt").asString());
        assertThat(moveTo(responseDue, contractId)).isEqualTo(1);
        eventually(() -> assertThat(invoices.invoice(ALICE, invoiceId).dataAt("invoice.dispute.settlement.outcome").asString())
                .isEqualTo("DECIDED_BY_RULES"));
        JsonNode settlement = invoices.invoice(ALICE, invoiceId).dataAt("invoice.dispute.settlement");
        assertThat(settlement.path("decidedBy").path("role").asString()).isEqualTo("SYSTEM");
        assertThat(settlement.path("refundedCells")).extracting(cell -> Instant.parse(cell.asString()))
                .containsExactly(at(week, 3, 10, 0), at(week, 3, 10, 10));
        assertThat(settlement.path("paidCells")).extracting(cell -> Instant.parse(cell.asString()))
                .containsExactly(at(week, 3, 9, 0));
        assertThat(settlement.path("refundedAmount").path("amount").asString()).isEqualTo("10.00");
        ledger.expectChanges(Map.of("client:alice:refunds", "10.50", escrow, "15.00", "platform:fees:marketplace", "0.75"));

        // Friday night: the protected cell is paid with the rest.
        moveTo(UtcWeek.clientReviewEndsAt(week), contractId);
        eventually(() -> assertThat(invoices.invoice(CAROL, invoiceId).dataAt("invoice.status").asString()).isEqualTo("PAID"));
        ledger.expectChanges(Map.of("client:alice:charges", "-26.25", "client:alice:refunds", "10.50", escrow, "0.00",
                "freelancer:carol:pending", "13.50", "platform:fees:marketplace", "0.75", "platform:fees:service", "1.50"));
    }

    @Test
    void aDisputeHandlerCannotRefundProtectedTime() {
        LocalDate week = weekAhead();
        String contractId = trackedWeek(week);
        String invoiceId = invoicedOnMondayNoon(contractId, week).path("id").asString();
        clock.at(UtcWeek.invoicedAt(week).plus(Duration.ofHours(22)));
        List<Instant> disputed = List.of(at(week, 3, 9, 0), at(week, 3, 10, 0));
        invoices.dispute(ALICE, invoiceId, disputed, "Not worked.").answered();
        invoices.respond(CAROL, invoiceId, "CONTEST", "Tracked with screenshots.").answered();

        long eventsBefore = storedEventCount();
        JsonNode refused = invoices.decide(FRANK, invoiceId, disputed, "Refund both").firstError().path("extensions");
        assertThat(refused.path("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(refused.path("field").asString()).isEqualTo("refundedCellDateTimes[0]");
        assertThat(refused.path("rule").asString()).isEqualTo("refundedCellDateTimes.protected");
        assertThat(storedEventCount()).isEqualTo(eventsBefore);

        JsonNode settlement = invoices.decide(FRANK, invoiceId, disputed.subList(1, 2), "The manual cell goes back.")
                .dataAt("decideHourDispute.invoice.dispute.settlement");
        assertThat(settlement.path("refundedAmount").path("amount").asString()).isEqualTo("5.00");
        assertThat(settlement.path("remainingAmount").path("amount").asString()).isEqualTo("20.00");
    }

    /**
     * Alice offers Carol 30.00 an hour with the tracker and manual time; Carol accepts over GraphQL, uploads a
     * screenshot and records Wednesday 09:00–09:30 tracked, 10:00–10:20 manual.
     */
    private String trackedWeek(LocalDate week) {
        clock.at(at(week, 1, 8, 0));
        String contractId = unique("tracked");
        send(new OfferHourlyContractCommand(contractId, ALICE.id(), CAROL.id(), "Tracked support",
                new HourlyTerms(Money.of("30.00", "USD"), null, true, true)), new Actor(ALICE.id(), Role.CLIENT));
        assertThat(api.accept(CAROL, contractId).dataAt("acceptContract.contract.status").asString()).isEqualTo("ACTIVE");
        ScreenshotHttp.Response upload = new ScreenshotHttp("http://127.0.0.1:" + port)
                .upload(CAROL, "image/png", ScreenshotHttp.png(64, 48));
        assertThat(upload.status()).isIn(200, 201);
        String screenshot = upload.json().path("screenshotId").asString();

        clock.at(at(week, 3, 18, 0));
        List<MinuteActivity> busy = Collections.nCopies(10, new MinuteActivity(40, 25));
        for (int cell = 0; cell < 3; cell++) {
            send(new RecordTrackedSegmentCommand(contractId, at(week, 3, 9, 10 * cell), busy, "Fixing the login bug",
                    null, null, screenshot), new Actor(CAROL.id(), Role.FREELANCER));
        }
        recordManualTime(contractId, at(week, 3, 10, 0), at(week, 3, 10, 20), "Call with the client");
        return contractId;
    }

    private void send(Object command, Actor actor) {
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(actor.asMetaData()),
                COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
