package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.LedgerApi.money;

import io.freelance.ledger.common.UtcWeek;
import io.freelance.ledger.standalone.GraphQlHttpClient.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The Work Diary's GraphQL operations as the demo users send them, and the hourly contracts they run on.
 * Contracts start five weeks back (the service's clock moved for the offer and acceptance), so every cell
 * of the open week, and of the locked weeks before it, lies within the contract.
 */
public final class DiaryApi {

    static final String CELL_FIELDS = """
            cellDateTime activityLevel keyboardEventsCount mouseEventsCount memo manual overtime hasScreenshot
            screenshotId screenshotImageUrl screenshotImageUrlMedium screenshotImageThumbnail activeWindowTitle
            activityLabel minutes { time keyboard mouse } protected unprotectedReasons""";
    static final String TOTALS = """
            totals { trackedHours manualHours overtimeHours billableHours protectedHours trackedMinutes manualMinutes
                     overtimeMinutes billableMinutes protectedMinutes amount { amount currency } }""";
    public static final String WEEK_FIELDS = """
            contractId weekStart weeklyLimitHours hourlyRate { amount currency } lockedFrom locked invoiceId
            workDays { date workDiaryTimeCells { %s } %s }
            %s""".formatted(CELL_FIELDS, TOTALS, TOTALS);
    private static final String PAYLOAD = "contractId pending workDiaryTimeCells { %s } workDiaryWeek { %s }"
            .formatted(CELL_FIELDS, WEEK_FIELDS);
    static final String HOURLY_CONTRACT_FIELDS = """
            id status pausedAt pauseReason pausedBy { id role }
            hourlyTerms { hourlyRate { amount currency } weeklyLimitHours manualTimeAllowed trackerOptIn
                          pendingWeeklyLimit { weeklyLimitHours effectiveFrom } }""";
    private static final Duration CONTRACT_AGE = Duration.ofDays(35);

    private final LedgerApi api;

    DiaryApi(LedgerApi api) {
        this.api = api;
    }

    /**
     * The Monday of a week that is open for changes and whose first eleven hours are over: this week from
     * Monday 11:00 UTC, the previous one (open until Monday 12:00) before that. Cells from its Monday 00:00
     * to 11:00 have ended and can be recorded, whatever time the test runs.
     */
    static LocalDate openWeek() {
        return UtcWeek.weekStartDate(Instant.now().minus(Duration.ofHours(11)));
    }

    /** The cell {@code index} × 10 minutes after the open week's Monday 00:00; index below 66. */
    static Instant openCell(int index) {
        return UtcWeek.startOf(openWeek()).plus(Duration.ofMinutes(10L * index));
    }

    /** Ten minutes with the same counts. */
    static List<Map<String, Object>> minutes(int keyboard, int mouse) {
        List<Map<String, Object>> minutes = new ArrayList<>();
        for (int minute = 0; minute < 10; minute++) {
            minutes.add(Map.of("keyboard", keyboard, "mouse", mouse));
        }
        return minutes;
    }

    /** A segment's input; {@code screenshotId} null for a segment without a screenshot. */
    static Map<String, Object> segment(String contractId, Instant cell, String memo, String screenshotId,
                                       List<Map<String, Object>> minutes) {
        Map<String, Object> input = new HashMap<>(Map.of("contractId", contractId, "cellDateTime", cell.toString(),
                "minutes", minutes, "memo", memo, "activityLabel", "Coding", "activeWindowTitle", "IDE - shop"));
        input.put("screenshotId", screenshotId);
        return input;
    }

    /**
     * An hourly contract between alice and carol, offered and accepted five weeks ago.
     *
     * @param weeklyLimitHours null for none
     */
    String hourlyContract(String rate, Integer weeklyLimitHours, boolean manualTimeAllowed, boolean trackerOptIn) {
        Instant started = Instant.now().minus(CONTRACT_AGE);
        Map<String, Object> input = new HashMap<>(Map.of("idempotencyKey", StandaloneTestBase.unique("hourly"),
                "freelancerId", DemoUser.CAROL.id(), "title", "Support", "hourlyRate", money(rate, "USD"),
                "manualTimeAllowed", manualTimeAllowed, "trackerOptIn", trackerOptIn));
        input.put("weeklyLimitHours", weeklyLimitHours);
        try (ServiceClock ignored = new ServiceClock().at(started)) {
            String contractId = offerHourly(DemoUser.ALICE, input).dataAt("offerHourlyContract.contractId").asString();
            api.accept(DemoUser.CAROL, contractId).answered();
            return contractId;
        }
    }

    Response offerHourly(DemoUser client, Map<String, Object> input) {
        return api.call(client, """
                mutation($input: OfferHourlyContractInput!) {
                  offerHourlyContract(input: $input) { contractId pending contract { %s } }
                }""".formatted(HOURLY_CONTRACT_FIELDS), Map.of("input", input));
    }

    Response recordSegment(DemoUser freelancer, Map<String, Object> input) {
        return mutation(freelancer, "recordTrackedSegment", "RecordTrackedSegmentInput", input);
    }

    /** A segment with busy minutes, refused unless it is recorded. */
    JsonNode recorded(String contractId, Instant cell, String memo, String screenshotId) {
        return recordSegment(DemoUser.CAROL, segment(contractId, cell, memo, screenshotId, minutes(40, 15)))
                .dataAt("recordTrackedSegment");
    }

    Response recordManualTime(DemoUser freelancer, String contractId, Instant from, Instant to, String memo) {
        return mutation(freelancer, "recordManualTime", "RecordManualTimeInput",
                Map.of("contractId", contractId, "from", from.toString(), "to", to.toString(), "memo", memo));
    }

    Response editMemo(DemoUser freelancer, String contractId, Instant cell, String memo) {
        return mutation(freelancer, "editSegmentMemo", "EditSegmentMemoInput",
                Map.of("contractId", contractId, "cellDateTime", cell.toString(), "memo", memo));
    }

    Response deleteSegment(DemoUser freelancer, String contractId, Instant cell) {
        return mutation(freelancer, "deleteSegment", "DeleteSegmentInput",
                Map.of("contractId", contractId, "cellDateTime", cell.toString()));
    }

    Response deleteScreenshot(DemoUser freelancer, String contractId, Instant cell, String screenshotId) {
        return mutation(freelancer, "deleteScreenshot", "DeleteScreenshotInput",
                Map.of("contractId", contractId, "cellDateTime", cell.toString(), "screenshotId", screenshotId));
    }

    Response day(DemoUser user, String contractId, LocalDate date) {
        return api.call(user, """
                query($contractId: ID!, $date: Date!) {
                  workDiaryContract(contractId: $contractId, date: $date) { contractId date workDiaryTimeCells { %s } %s }
                }""".formatted(CELL_FIELDS, TOTALS), Map.of("contractId", contractId, "date", date.toString()));
    }

    Response week(DemoUser user, String contractId, LocalDate weekStart) {
        return api.call(user, """
                query($contractId: ID!, $weekStart: Date!) { workDiaryWeek(contractId: $contractId, weekStart: $weekStart) { %s } }"""
                .formatted(WEEK_FIELDS), Map.of("contractId", contractId, "weekStart", weekStart.toString()));
    }

    /** {@code weeklyLimitHours} null removes the limit. */
    Response changeWeeklyLimit(DemoUser user, String contractId, Integer weeklyLimitHours) {
        Map<String, Object> input = new HashMap<>(Map.of("contractId", contractId));
        input.put("weeklyLimitHours", weeklyLimitHours);
        return contractMutation(user, "changeWeeklyLimit", "ChangeWeeklyLimitInput", input);
    }

    Response pause(DemoUser user, String contractId, String reason) {
        return contractMutation(user, "pauseContract", "PauseContractInput", Map.of("contractId", contractId, "reason", reason));
    }

    Response resume(DemoUser user, String contractId) {
        return contractMutation(user, "resumeContract", "ResumeContractInput", Map.of("contractId", contractId));
    }

    Response contract(DemoUser user, String contractId) {
        return api.call(user, "query($id: ID!) { contract(id: $id) { %s } }".formatted(HOURLY_CONTRACT_FIELDS),
                Map.of("id", contractId));
    }

    private Response mutation(DemoUser user, String mutation, String inputType, Map<String, Object> input) {
        return api.call(user, "mutation($input: %s!) { %s(input: $input) { %s } }".formatted(inputType, mutation, PAYLOAD),
                Map.of("input", input));
    }

    private Response contractMutation(DemoUser user, String mutation, String inputType, Map<String, Object> input) {
        return api.call(user, "mutation($input: %s!) { %s(input: $input) { contractId pending contract { %s } } }"
                .formatted(inputType, mutation, HOURLY_CONTRACT_FIELDS), Map.of("input", input));
    }
}
