package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.BOB;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.DemoUser.DAVE;
import static io.freelance.ledger.standalone.DemoUser.ERIN;
import static io.freelance.ledger.standalone.DemoUser.FRANK;
import static io.freelance.ledger.standalone.DiaryApi.minutes;
import static io.freelance.ledger.standalone.DiaryApi.segment;
import static io.freelance.ledger.standalone.LedgerApi.money;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.common.UtcWeek;
import io.freelance.ledger.standalone.GraphQlHttpClient.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Upwork's contractTimeReport over HTTP: Bob's two hourly contracts with Dave, worked in a week ahead of the wall
 * clock (the service's clock stands in it, so no deadline of the week is due), reported over days that cut the
 * week. Bob and Dave work on no other hourly contract of the shared service, so Bob's report is these two.
 */
class ContractTimeReportJourneyTest extends StandaloneTestBase {

    private static final String REPORT = """
            query($from: Date!, $to: Date!, $contractId: ID) {
              contractTimeReport(from: $from, to: $to, contractId: $contractId) {
                from to totalHoursWorked totalOnlineHoursWorked totalOfflineHoursWorked
                totalCharges { amount currency } charges { amount currency }
                contracts { contractId title hoursWorked onlineHoursWorked offlineHoursWorked overtimeHours billableHours
                            charges { amount currency } }
              }
            }""";

    private final LocalDate monday = UtcWeek.weekStartDate(Instant.now().plus(Duration.ofDays(28)));
    private final LocalDate tuesday = monday.plusDays(1);
    private final LocalDate thursday = monday.plusDays(3);

    DiaryApi diary;
    ServiceClock clock;

    @BeforeEach
    void clients() {
        diary = new DiaryApi(api);
        clock = new ServiceClock();
    }

    @AfterEach
    void restoreTheServiceClock() {
        clock.close();
    }

    /**
     * Limited contract: Monday's 4 cells fill 40 of its 60 minutes, so of Tuesday's 4 tracked and 1 manual cell two
     * are billed and three are overtime. Unlimited contract: Monday's cell lies outside the range, Tuesday's 3 count.
     */
    @Test
    void theClientsReportCountsTheRangesDaysAndChargesNoOvertime() {
        String limited = contract("60.00", 1, "Checkout");
        String unlimited = contract("45.00", null, "Search");
        clock.at(at(monday.plusDays(2), 12));
        recordTracked(limited, at(monday, 9), 4);
        recordTracked(limited, at(tuesday, 9), 4);
        diary.recordManualTime(DAVE, limited, at(tuesday, 12), at(tuesday, 12).plus(Duration.ofMinutes(10)), "Call").answered();
        recordTracked(unlimited, at(monday, 10), 1);
        recordTracked(unlimited, at(tuesday, 10), 3);

        JsonNode report = report(BOB, tuesday, thursday, null).dataAt("contractTimeReport");

        assertThat(report.path("from").asString()).isEqualTo(tuesday.toString());
        assertThat(report.path("to").asString()).isEqualTo(thursday.toString());
        assertThat(report.path("totalHoursWorked").asString()).isEqualTo("1.33");
        assertThat(report.path("totalOnlineHoursWorked").asString()).isEqualTo("1.17");
        assertThat(report.path("totalOfflineHoursWorked").asString()).isEqualTo("0.17");
        assertThat(report.path("totalCharges").path("amount").asString()).isEqualTo("42.50");
        assertThat(report.path("totalCharges").path("currency").asString()).isEqualTo("USD");
        assertThat(report.path("charges").size()).isEqualTo(1);
        JsonNode lines = report.path("contracts");
        assertThat(lines.size()).isEqualTo(2);
        JsonNode first = lines.get(0);
        assertThat(first.path("contractId").asString()).isEqualTo(limited);
        assertThat(first.path("title").asString()).isEqualTo("Checkout");
        assertThat(first.path("hoursWorked").asString()).isEqualTo("0.83");
        assertThat(first.path("onlineHoursWorked").asString()).isEqualTo("0.67");
        assertThat(first.path("offlineHoursWorked").asString()).isEqualTo("0.17");
        assertThat(first.path("overtimeHours").asString()).isEqualTo("0.50");
        assertThat(first.path("billableHours").asString()).isEqualTo("0.33");
        assertThat(first.path("charges").path("amount").asString()).isEqualTo("20.00");
        JsonNode second = lines.get(1);
        assertThat(second.path("contractId").asString()).isEqualTo(unlimited);
        assertThat(second.path("hoursWorked").asString()).isEqualTo("0.50");
        assertThat(second.path("charges").path("amount").asString()).isEqualTo("22.50");
        assertThat(report(DAVE, tuesday, thursday, null).dataAt("contractTimeReport.contracts").findValuesAsString("contractId"))
                .contains(limited, unlimited);
        assertThat(report(BOB, monday, monday.plusDays(6), limited).dataAt("contractTimeReport.totalCharges.amount").asString())
                .as("the whole week bills the 6 cells within the limit").isEqualTo("60.00");
    }

    @Test
    void onlyTheContractsPartiesFinanceAndDisputeHandlersReportOnIt() {
        String contractId = contract("30.00", null, "Support");

        for (DemoUser reader : List.of(BOB, DAVE, ERIN, FRANK)) {
            assertThat(report(reader, monday, thursday, contractId).dataAt("contractTimeReport.contracts.0.contractId").asString())
                    .as("%s reports on the contract", reader).isEqualTo(contractId);
        }
        for (DemoUser outsider : List.of(ALICE, CAROL)) {
            refused(report(outsider, monday, thursday, contractId), "NOT_FOUND", "contractId", "contract.not-found");
            assertThat(report(outsider, monday, thursday, null).dataAt("contractTimeReport.contracts")
                    .findValuesAsString("contractId")).doesNotContain(contractId);
        }
        for (DemoUser overseer : List.of(ERIN, FRANK)) {
            refused(report(overseer, monday, thursday, null), "BAD_REQUEST", "contractId", "contractId.required");
        }
    }

    @Test
    void aRangeEndsAfterItStartsAndSpansAtMost92Days() {
        refused(report(BOB, thursday, tuesday, null), "BAD_REQUEST", "to", "to.after-from");
        refused(report(BOB, monday, monday.plusDays(92), null), "BAD_REQUEST", "to", "to.range");
        assertThat(report(BOB, monday, monday.plusDays(91), null).dataAt("contractTimeReport.to").asString())
                .isEqualTo(monday.plusDays(91).toString());
    }

    /** Bob offers Dave an hourly contract with the tracker and manual time on the week's Monday 08:00; Dave accepts. */
    private String contract(String rate, Integer weeklyLimitHours, String title) {
        clock.at(at(monday, 8));
        Map<String, Object> input = new HashMap<>(Map.of("idempotencyKey", unique("hourly"), "freelancerId", DAVE.id(),
                "title", title, "hourlyRate", money(rate, "USD"), "manualTimeAllowed", true, "trackerOptIn", true));
        input.put("weeklyLimitHours", weeklyLimitHours);
        String contractId = diary.offerHourly(BOB, input).dataAt("offerHourlyContract.contractId").asString();
        api.accept(DAVE, contractId).answered();
        return contractId;
    }

    private void recordTracked(String contractId, Instant first, int cells) {
        for (int cell = 0; cell < cells; cell++) {
            Instant start = first.plus(Duration.ofMinutes(10L * cell));
            diary.recordSegment(DAVE, segment(contractId, start, "Feature work", null, minutes(40, 15))).answered();
        }
    }

    private Response report(DemoUser user, LocalDate from, LocalDate to, String contractId) {
        Map<String, Object> variables = new HashMap<>(Map.of("from", from.toString(), "to", to.toString()));
        variables.put("contractId", contractId);
        return api.call(user, REPORT, variables);
    }

    private static void refused(Response response, String classification, String field, String rule) {
        JsonNode extensions = response.firstError().path("extensions");
        assertThat(extensions.path("classification").asString()).isEqualTo(classification);
        assertThat(extensions.path("field").asString()).isEqualTo(field);
        assertThat(extensions.path("rule").asString()).isEqualTo(rule);
    }

    private static Instant at(LocalDate date, int hour) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(hour));
    }
}
