package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.LedgerApi.money;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.freelance.ledger.common.UtcWeek;
import io.freelance.ledger.invoice.InvoiceId;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The hourly cycle as a freelancer's tracker and the two parties meet it over HTTP, with the service stopped
 * and started again in the middle: screenshots uploaded to the upload endpoint and tracked segments recorded
 * with them, manual time beside them, the week invoiced on its Monday noon, an hour dispute opened, then the
 * restart with the dispute's response deadline and the review's end still pending. After the restart nobody
 * answers the dispute, so the protection rules decide it: the disputed manual cells are refunded, the
 * disputed tracked cells (screenshot, memo, activity) are paid; the rest is paid when the review ends and is
 * available five days later. Every balance is checked to the cent on a data directory of its own.
 * <p>
 * Rate 30.00 USD an hour, 5.00 a cell: 8 tracked cells (6 protected, one without a screenshot, one without
 * any input) and 3 manual cells are 55.00 plus the 5% marketplace fee, 2.75.
 */
class HourlyCycleRestartJourneyTest {

    private static final String RATE = "30.00";
    private final Path dataDirectory = Path.of("target", "test-data", "hourly-restart-" + UUID.randomUUID()).toAbsolutePath();
    private final ServiceClock clock = new ServiceClock();

    @AfterEach
    void restoreTheServiceClock() {
        clock.close();
    }

    @Test
    void trackedAndManualTimeAreInvoicedDisputedAndPaidRightToTheCentAcrossARestart() {
        LocalDate week = HourlyCycleTestBase.weekAhead();
        String contractId;
        String invoiceId = null;
        List<Instant> tracked = new ArrayList<>();
        List<Instant> manual = new ArrayList<>();
        try (Service first = new Service(start())) {
            contractId = first.offerAcceptedHourly(week);

            // Thursday evening: six protected cells, one without a screenshot, one without any input, then manual time.
            clock.at(HourlyCycleTestBase.at(week, 4, 18, 0));
            ScreenshotHttp screenshots = new ScreenshotHttp(first.baseUrl());
            for (int cell = 0; cell < 8; cell++) {
                Instant cellStart = HourlyCycleTestBase.at(week, 4, 9, 10 * cell);
                String screenshotId = cell == 6 ? null : screenshots.uploaded(CAROL, "image/png", ScreenshotHttp.png(320 + cell, 200));
                List<Map<String, Object>> minutes = cell == 7 ? DiaryApi.minutes(0, 0) : DiaryApi.minutes(35, 12);
                JsonNode recorded = first.diary.recordSegment(CAROL,
                                DiaryApi.segment(contractId, cellStart, "Checkout flow, step " + (cell + 1), screenshotId, minutes))
                        .dataAt("recordTrackedSegment");
                assertThat(recorded.path("pending").asBoolean()).isFalse();
                tracked.add(cellStart);
            }
            Instant manualFrom = HourlyCycleTestBase.at(week, 4, 14, 0);
            first.diary.recordManualTime(CAROL, contractId, manualFrom, manualFrom.plus(Duration.ofMinutes(30)), "Call with the client")
                    .dataAt("recordManualTime");
            for (int cell = 0; cell < 3; cell++) {
                manual.add(manualFrom.plus(Duration.ofMinutes(10L * cell)));
            }

            JsonNode thursday = first.diary.day(ALICE, contractId, week.plusDays(3)).dataAt("workDiaryContract");
            Map<String, JsonNode> cells = byCell(thursday.path("workDiaryTimeCells"));
            assertThat(cells).hasSize(11);
            assertThat(cells.get(tracked.get(0).toString()).path("protected").asBoolean()).isTrue();
            assertThat(cells.get(tracked.get(0).toString()).path("activityLevel").asInt()).isEqualTo(10);
            assertThat(reasons(cells.get(tracked.get(6).toString()))).containsExactly("NO_SCREENSHOT");
            assertThat(reasons(cells.get(tracked.get(7).toString()))).containsExactly("LOW_ACTIVITY");
            assertThat(reasons(cells.get(manual.get(0).toString()))).containsExactly("MANUAL");

            // Monday noon after the week: invoiced and charged.
            JsonNode invoice = first.invoicedOnMondayNoon(contractId, week);
            invoiceId = invoice.path("id").asString();
            assertThat(invoice.path("billableCells").asInt()).isEqualTo(11);
            assertThat(amount(invoice.path("amount"))).isEqualTo("55.00");
            assertThat(amount(invoice.path("marketplaceFee"))).isEqualTo("2.75");
            first.expectBalances(contractId, Map.of("client:alice:charges", "-57.75", "escrow", "55.00",
                    "platform:fees:marketplace", "2.75"));
            JsonNode lockedWeek = first.api.call(CAROL, """
                    query($contractId: ID!, $weekStart: Date!) {
                      workDiaryWeek(contractId: $contractId, weekStart: $weekStart) { locked invoiceId invoice { id status amount { amount } } }
                    }""", Map.of("contractId", contractId, "weekStart", week.toString())).dataAt("workDiaryWeek");
            assertThat(lockedWeek.path("locked").asBoolean()).isTrue();
            assertThat(lockedWeek.path("invoiceId").asString()).isEqualTo(invoiceId);
            assertThat(lockedWeek.path("invoice").path("status").asString()).isEqualTo("IN_REVIEW");
            assertThat(amount(lockedWeek.path("invoice").path("amount"))).isEqualTo("55.00");

            // Tuesday 10:00: Alice disputes two protected tracked cells and two manual ones.
            clock.at(UtcWeek.invoicedAt(week).plus(Duration.ofHours(22)));
            List<Instant> disputed = List.of(tracked.get(0), tracked.get(1), manual.get(0), manual.get(1));
            JsonNode dispute = first.invoices.dispute(ALICE, invoiceId, disputed, "Not what we agreed to work on.")
                    .dataAt("disputeInvoiceHours.invoice.dispute");
            assertThat(amount(dispute.path("disputedAmount"))).isEqualTo("20.00");
            assertThat(amount(dispute.path("protectedAmount"))).isEqualTo("10.00");
            assertThat(first.time.pendingDueTimes(contractId)).as("the dispute's response deadline and the review's end")
                    .containsExactly(clock.now().plus(Duration.ofDays(3)), UtcWeek.clientReviewEndsAt(week));
        }

        // The service stops in the middle of the cycle and starts again on the same data directory.
        try (Service second = new Service(start())) {
            assertThat(second.invoices.invoice(ALICE, invoiceId).dataAt("invoice.status").asString()).isEqualTo("DISPUTED");
            second.expectBalances(contractId, Map.of("client:alice:charges", "-57.75", "escrow", "55.00"));

            // Friday 10:00: Carol has not answered; the rules refund the two manual cells and pay the protected ones.
            Instant responseDue = UtcWeek.invoicedAt(week).plus(Duration.ofHours(22)).plus(Duration.ofDays(3));
            assertThat(second.moveTo(responseDue, contractId)).isEqualTo(1);
            String id = invoiceId;
            StandaloneTestBase.eventually(() -> assertThat(second.invoices.invoice(ALICE, id)
                    .dataAt("invoice.dispute.settlement.outcome").asString()).isEqualTo("DECIDED_BY_RULES"));
            JsonNode settlement = second.invoices.invoice(CAROL, invoiceId).dataAt("invoice.dispute.settlement");
            assertThat(instants(settlement.path("refundedCells"))).containsExactlyInAnyOrder(manual.get(0).toString(), manual.get(1).toString());
            assertThat(instants(settlement.path("paidCells"))).containsExactlyInAnyOrder(tracked.get(0).toString(), tracked.get(1).toString());
            assertThat(amount(settlement.path("refundedAmount"))).isEqualTo("10.00");
            assertThat(amount(settlement.path("marketplaceFeeRefunded"))).isEqualTo("0.50");
            second.expectBalances(contractId, Map.of("client:alice:charges", "-57.75", "client:alice:refunds", "10.50",
                    "escrow", "45.00", "platform:fees:marketplace", "2.25"));

            // Friday 23:59:59: the review ends; 45.00 is paid less the 10% service fee; five days later it is available.
            Instant reviewEnd = UtcWeek.clientReviewEndsAt(week);
            assertThat(second.moveTo(reviewEnd, contractId)).isEqualTo(1);
            StandaloneTestBase.eventually(() -> assertThat(second.invoices.invoice(ALICE, id).dataAt("invoice.status").asString())
                    .isEqualTo("PAID"));
            second.expectBalances(contractId, Map.of("escrow", "0.00", "freelancer:carol:pending", "40.50",
                    "platform:fees:service", "4.50", "freelancer:carol:available", "0.00"));
            assertThat(second.moveTo(reviewEnd.plus(Duration.ofDays(5)), contractId)).isEqualTo(1);
            second.expectBalances(contractId, Map.of("client:alice:charges", "-57.75", "client:alice:refunds", "10.50",
                    "escrow", "0.00", "freelancer:carol:pending", "0.00", "freelancer:carol:available", "40.50",
                    "platform:fees:service", "4.50", "platform:fees:marketplace", "2.25"));
            assertThat(second.time.pendingDueTimes(contractId)).isEmpty();
            assertThat(second.api.trialBalance("USD").dataAt("trialBalance.total.amount").asString()).isEqualTo("0.00");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(StandaloneApplication.class).run(
                "--ledger.data-dir=" + dataDirectory,
                "--server.port=0",
                "--ledger.deadlines.polling-interval=PT0.2S");
    }

    private static Map<String, JsonNode> byCell(JsonNode cells) {
        Map<String, JsonNode> byCell = new HashMap<>();
        cells.forEach(cell -> byCell.put(Instant.parse(cell.path("cellDateTime").asString()).toString(), cell));
        return byCell;
    }

    private static List<String> reasons(JsonNode cell) {
        return texts(cell.path("unprotectedReasons"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asString()));
        return texts;
    }

    /** Instants as {@link Instant#toString} writes them, whatever offset notation the API answered in. */
    private static List<String> instants(JsonNode array) {
        return texts(array).stream().map(text -> Instant.parse(text).toString()).toList();
    }

    private static String amount(JsonNode money) {
        return money.path("amount").asString();
    }

    /** One run of the service on this test's data directory, with the APIs and the deadline store it offers. */
    private final class Service implements AutoCloseable {

        private final ConfigurableApplicationContext context;
        private final LedgerApi api;
        private final DiaryApi diary;
        private final InvoiceApi invoices;
        private final DeadlineTimeMachine time;

        Service(ConfigurableApplicationContext context) {
            this.context = context;
            this.api = new LedgerApi(baseUrl());
            this.diary = new DiaryApi(api);
            this.invoices = new InvoiceApi(api);
            this.time = new DeadlineTimeMachine(context.getBean(DataSource.class), context.getBean(Scheduler.class));
        }

        String baseUrl() {
            return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        }

        /** Offered on the week's Monday 08:00 with the tracker and manual time agreed, and accepted. */
        String offerAcceptedHourly(LocalDate week) {
            clock.at(HourlyCycleTestBase.at(week, 1, 8, 0));
            Map<String, Object> input = new HashMap<>(Map.of("idempotencyKey", StandaloneTestBase.unique("hourly"),
                    "freelancerId", CAROL.id(), "title", "Checkout rebuild", "hourlyRate", money(RATE, "USD"),
                    "manualTimeAllowed", true, "trackerOptIn", true));
            String contractId = diary.offerHourly(ALICE, input).dataAt("offerHourlyContract.contractId").asString();
            assertThat(api.accept(CAROL, contractId).dataAt("acceptContract.contract.status").asString()).isEqualTo("ACTIVE");
            return contractId;
        }

        JsonNode invoicedOnMondayNoon(String contractId, LocalDate week) {
            Instant noon = UtcWeek.invoicedAt(week);
            assertThat(time.pendingDueTimes(contractId)).containsExactly(noon);
            assertThat(moveTo(noon, contractId)).isEqualTo(1);
            String invoiceId = InvoiceId.forWeek(contractId, week);
            StandaloneTestBase.eventually(() -> assertThat(invoices.invoice(ALICE, invoiceId).dataAt("invoice.status").asString())
                    .isEqualTo("IN_REVIEW"));
            return invoices.invoice(ALICE, invoiceId).dataAt("invoice");
        }

        int moveTo(Instant instant, String contractId) {
            clock.at(instant);
            return time.fireDueBy(instant, contractId);
        }

        /** Balances on this test's own ledger, which started empty; "escrow" is the contract's escrow account. */
        void expectBalances(String contractId, Map<String, String> expected) {
            StandaloneTestBase.eventually(() -> expected.forEach((account, amount) -> {
                String name = account.equals("escrow") ? "escrow:" + contractId : account;
                assertThat(api.balance(name, "USD")).as(name).isEqualByComparingTo(new BigDecimal(amount));
            }));
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
