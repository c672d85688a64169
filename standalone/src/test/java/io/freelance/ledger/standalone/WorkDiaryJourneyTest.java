package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.BOB;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.DemoUser.DAVE;
import static io.freelance.ledger.standalone.DemoUser.ERIN;
import static io.freelance.ledger.standalone.DemoUser.FRANK;
import static io.freelance.ledger.standalone.DiaryApi.minutes;
import static io.freelance.ledger.standalone.DiaryApi.openCell;
import static io.freelance.ledger.standalone.DiaryApi.openWeek;
import static io.freelance.ledger.standalone.DiaryApi.segment;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.common.UtcWeek;
import io.freelance.ledger.standalone.GraphQlHttpClient.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Work Diary through the real path: screenshots uploaded over HTTP, segments and manual time recorded
 * with GraphQL mutations that answer once the diary's read model shows them, and the day and week read
 * back as the client reviews them, with protection, overtime and totals.
 */
class WorkDiaryJourneyTest extends StandaloneTestBase {

    DiaryApi diary;
    ScreenshotHttp screenshots;

    @BeforeEach
    void clients() {
        diary = new DiaryApi(api);
        screenshots = new ScreenshotHttp("http://127.0.0.1:" + port);
    }

    @Test
    void theClientReviewsTheDayAndTheWeekWithEachCellsProtection() {
        String contractId = diary.hourlyContract("30.00", null, true, true);
        String shot = screenshots.uploaded(CAROL, "image/png", ScreenshotHttp.png(640, 400));
        String otherShot = screenshots.uploaded(CAROL, "image/jpeg", ScreenshotHttp.jpeg(640, 400));
        Instant nine = openCell(54);

        JsonNode first = diary.recorded(contractId, nine, "Checkout flow", shot);
        diary.recorded(contractId, openCell(55), "Checkout flow", null);
        diary.recordSegment(CAROL, segment(contractId, openCell(56), "Reading docs", otherShot, minutes(0, 0))).answered();
        diary.recordManualTime(CAROL, contractId, openCell(57), openCell(59), "Call with Alice").answered();

        assertThat(first.path("pending").asBoolean()).isFalse();
        JsonNode recordedCell = first.path("workDiaryTimeCells").get(0);
        assertThat(Instant.parse(recordedCell.path("cellDateTime").asString())).isEqualTo(nine);
        assertThat(recordedCell.path("protected").asBoolean()).isTrue();

        JsonNode day = diary.day(ALICE, contractId, openWeek()).dataAt("workDiaryContract");
        JsonNode cells = day.path("workDiaryTimeCells");
        assertThat(cells.size()).isEqualTo(5);
        assertThat(reasons(cells)).containsExactly("", "NO_SCREENSHOT", "LOW_ACTIVITY", "MANUAL", "MANUAL");
        JsonNode tracked = cells.get(0);
        assertThat(tracked.path("activityLevel").asInt()).isEqualTo(10);
        assertThat(tracked.path("keyboardEventsCount").asInt()).isEqualTo(400);
        assertThat(tracked.path("mouseEventsCount").asInt()).isEqualTo(150);
        assertThat(tracked.path("memo").asString()).isEqualTo("Checkout flow");
        assertThat(tracked.path("activityLabel").asString()).isEqualTo("Coding");
        assertThat(tracked.path("activeWindowTitle").asString()).isEqualTo("IDE - shop");
        assertThat(tracked.path("hasScreenshot").asBoolean()).isTrue();
        assertThat(tracked.path("screenshotImageUrl").asString()).isEqualTo("/screenshots/" + shot);
        assertThat(tracked.path("screenshotImageUrlMedium").asString()).isEqualTo("/screenshots/" + shot + "/medium");
        assertThat(tracked.path("screenshotImageThumbnail").asString()).isEqualTo("/screenshots/" + shot + "/thumbnail");
        assertThat(tracked.path("minutes").size()).isEqualTo(10);
        assertThat(Instant.parse(tracked.path("minutes").get(3).path("time").asString())).isEqualTo(nine.plusSeconds(180));
        assertThat(cells.get(1).path("hasScreenshot").asBoolean()).isFalse();
        assertThat(cells.get(1).path("screenshotImageUrl").isNull()).isTrue();
        assertThat(cells.get(3).path("manual").asBoolean()).isTrue();
        assertThat(cells.get(3).path("activityLevel").asInt()).isZero();

        // 3 tracked and 2 manual cells, one protected: 50 minutes at 30.00 an hour.
        JsonNode totals = diary.week(ALICE, contractId, openWeek()).dataAt("workDiaryWeek.totals");
        assertThat(totals.path("trackedMinutes").asInt()).isEqualTo(30);
        assertThat(totals.path("manualMinutes").asInt()).isEqualTo(20);
        assertThat(totals.path("protectedMinutes").asInt()).isEqualTo(10);
        assertThat(totals.path("billableHours").asString()).isEqualTo("0.83");
        assertThat(totals.path("amount").path("amount").asString()).isEqualTo("25.00");
        assertThat(day.path("totals")).isEqualTo(totals);
    }

    @Test
    void theWeekShowsSevenDaysItsLimitRateAndLockTime() {
        String contractId = diary.hourlyContract("45.50", 40, false, true);
        diary.recorded(contractId, openCell(12), "Triage", null);

        JsonNode week = diary.week(CAROL, contractId, openWeek()).dataAt("workDiaryWeek");

        assertThat(week.path("weekStart").asString()).isEqualTo(openWeek().toString());
        assertThat(week.path("weeklyLimitHours").asInt()).isEqualTo(40);
        assertThat(week.path("hourlyRate").path("amount").asString()).isEqualTo("45.50");
        assertThat(Instant.parse(week.path("lockedFrom").asString())).isEqualTo(UtcWeek.lockedFrom(openWeek()));
        assertThat(week.path("locked").asBoolean()).isFalse();
        assertThat(week.path("invoiceId").isNull()).isTrue();
        List<String> dates = new ArrayList<>();
        week.path("workDays").forEach(day -> dates.add(day.path("date").asString()));
        assertThat(dates).containsExactly(days(openWeek()));
        assertThat(week.path("workDays").get(0).path("workDiaryTimeCells").size()).isEqualTo(1);
        assertThat(week.path("workDays").get(0).path("totals").path("amount").path("amount").asString()).isEqualTo("7.58");
    }

    @Test
    void cellsBeyondTheWeeklyLimitAreOvertimeAndNotBilled() {
        String contractId = diary.hourlyContract("60.00", 1, false, true);
        String shot = screenshots.uploaded(CAROL, "image/png", ScreenshotHttp.png(320, 200));
        for (int index = 0; index < 7; index++) {
            diary.recorded(contractId, openCell(20 + index), "Feature work", shot);
        }

        JsonNode week = diary.week(ALICE, contractId, openWeek()).dataAt("workDiaryWeek");

        JsonNode cells = week.path("workDays").get(0).path("workDiaryTimeCells");
        assertThat(cells.get(5).path("overtime").asBoolean()).isFalse();
        assertThat(cells.get(6).path("overtime").asBoolean()).isTrue();
        assertThat(cells.get(6).path("protected").asBoolean()).isFalse();
        assertThat(cells.get(6).path("unprotectedReasons").get(0).asString()).isEqualTo("OVERTIME");
        assertThat(week.path("totals").path("overtimeMinutes").asInt()).isEqualTo(10);
        assertThat(week.path("totals").path("billableMinutes").asInt()).isEqualTo(60);
        assertThat(week.path("totals").path("amount").path("amount").asString()).isEqualTo("60.00");
    }

    /**
     * An increase applies at once and bounds the whole week in force at its end; a decrease waits for the next
     * Monday. Before Monday 11:00 the open week is last week, which a raise made now no longer reaches.
     */
    @Test
    void theClientRaisesTheWeeklyLimitAtOnceAndLowersItFromNextMonday() {
        String contractId = diary.hourlyContract("60.00", 1, false, true);
        String shot = screenshots.uploaded(CAROL, "image/png", ScreenshotHttp.png(320, 200));
        for (int index = 0; index < 7; index++) {
            diary.recorded(contractId, openCell(30 + index), "Feature work", shot);
        }

        JsonNode raised = diary.changeWeeklyLimit(ALICE, contractId, 2).dataAt("changeWeeklyLimit.contract.hourlyTerms");
        JsonNode week = diary.week(ALICE, contractId, openWeek()).dataAt("workDiaryWeek");
        JsonNode lowered = diary.changeWeeklyLimit(ALICE, contractId, 1).dataAt("changeWeeklyLimit.contract.hourlyTerms");

        assertThat(raised.path("weeklyLimitHours").asInt()).isEqualTo(2);
        boolean openWeekIsThisWeek = openWeek().equals(UtcWeek.weekStartDate(Instant.now()));
        assertThat(week.path("weeklyLimitHours").asInt()).isEqualTo(openWeekIsThisWeek ? 2 : 1);
        assertThat(week.path("totals").path("overtimeMinutes").asInt()).isEqualTo(openWeekIsThisWeek ? 0 : 10);
        assertThat(lowered.path("weeklyLimitHours").asInt()).isEqualTo(2);
        assertThat(lowered.path("pendingWeeklyLimit").path("weeklyLimitHours").asInt()).isEqualTo(1);
        assertThat(Instant.parse(lowered.path("pendingWeeklyLimit").path("effectiveFrom").asString()))
                .isEqualTo(UtcWeek.nextWeekStart(Instant.now()));
        assertThat(diary.changeWeeklyLimit(CAROL, contractId, 5).firstError().path("extensions").path("rule").asString())
                .isEqualTo("contract.client-only");
    }

    @Test
    void aRepeatedSegmentIsAnsweredAsTheFirstAndRecordsNothingMore() {
        String contractId = diary.hourlyContract("30.00", null, false, true);
        String shot = screenshots.uploaded(CAROL, "image/png", ScreenshotHttp.png(320, 200));
        JsonNode first = diary.recorded(contractId, openCell(40), "Checkout flow", shot);
        long eventsAfterFirst = storedEventCount();

        JsonNode again = diary.recorded(contractId, openCell(40), "Checkout flow", shot);

        assertThat(storedEventCount()).isEqualTo(eventsAfterFirst);
        assertThat(again.path("workDiaryTimeCells")).isEqualTo(first.path("workDiaryTimeCells"));
        assertThat(again.path("pending").asBoolean()).isFalse();
    }

    @Test
    void theFreelancerEditsAMemoAndDeletesCellsOfTheOpenWeek() {
        String contractId = diary.hourlyContract("30.00", null, false, true);
        String shot = screenshots.uploaded(CAROL, "image/png", ScreenshotHttp.png(320, 200));
        diary.recorded(contractId, openCell(0), "Frist draft", shot);
        diary.recorded(contractId, openCell(1), "Second draft", null);
        diary.recorded(contractId, openCell(2), "Third draft", null);

        JsonNode edited = diary.editMemo(CAROL, contractId, openCell(0), "First draft").dataAt("editSegmentMemo");
        JsonNode deleted = diary.deleteSegment(CAROL, contractId, openCell(1)).dataAt("deleteSegment");
        JsonNode screenshotDeleted = diary.deleteScreenshot(CAROL, contractId, openCell(0), shot).dataAt("deleteScreenshot");

        assertThat(edited.path("workDiaryTimeCells").get(0).path("memo").asString()).isEqualTo("First draft");
        assertThat(deleted.path("workDiaryTimeCells").size()).isZero();
        assertThat(screenshotDeleted.path("workDiaryTimeCells").size()).isZero();
        JsonNode cells = diary.day(ALICE, contractId, openWeek()).dataAt("workDiaryContract.workDiaryTimeCells");
        assertThat(cells.size()).isEqualTo(1);
        assertThat(cells.get(0).path("memo").asString()).isEqualTo("Third draft");
    }

    @Test
    void theClientDownloadsTheScreenshotsTheirContractsDiaryShowsAndNobodyElseDoes() {
        String contractId = diary.hourlyContract("30.00", null, false, true);
        byte[] png = ScreenshotHttp.png(800, 500);
        String shot = screenshots.uploaded(CAROL, "image/png", png);
        assertThat(screenshots.download(ALICE, "/screenshots/" + shot).status()).as("before any segment shows it").isEqualTo(404);

        String thumbnailUrl = diary.recorded(contractId, openCell(5), "Checkout flow", shot)
                .path("workDiaryTimeCells").get(0).path("screenshotImageThumbnail").asString();

        assertThat(screenshots.download(ALICE, "/screenshots/" + shot).body()).isEqualTo(png);
        ScreenshotHttp.Response thumbnail = screenshots.download(ALICE, thumbnailUrl);
        assertThat(thumbnail.status()).isEqualTo(200);
        assertThat(thumbnail.header("Cache-Control")).isEqualTo("private, max-age=31536000, immutable");
        assertThat(screenshots.download(BOB, "/screenshots/" + shot).status()).isEqualTo(404);
        assertThat(screenshots.download(DAVE, thumbnailUrl).status()).isEqualTo(404);

        diary.deleteScreenshot(CAROL, contractId, openCell(5), shot).answered();
        assertThat(screenshots.download(ALICE, "/screenshots/" + shot).status()).as("once its segment is deleted").isEqualTo(404);
        assertThat(screenshots.download(CAROL, "/screenshots/" + shot).status()).as("the uploader still").isEqualTo(200);
    }

    @Test
    void onlyTheContractsPartiesFinanceAndDisputeHandlersSeeItsDiary() {
        String contractId = diary.hourlyContract("30.00", null, false, true);
        diary.recorded(contractId, openCell(8), "Support", null);

        for (DemoUser reader : new DemoUser[] {ALICE, CAROL, ERIN, FRANK}) {
            assertThat(diary.week(reader, contractId, openWeek()).dataAt("workDiaryWeek.totals.trackedMinutes").asInt())
                    .as("%s reads the week", reader).isEqualTo(10);
        }
        for (DemoUser outsider : new DemoUser[] {BOB, DAVE}) {
            for (Response refused : List.of(diary.week(outsider, contractId, openWeek()), diary.day(outsider, contractId, openWeek()))) {
                JsonNode extensions = refused.firstError().path("extensions");
                assertThat(extensions.path("classification").asString()).isEqualTo("NOT_FOUND");
                assertThat(extensions.path("field").asString()).isEqualTo("contractId");
                assertThat(refused.data().isNull() || refused.data().isMissingNode()).isTrue();
            }
        }
    }

    @Test
    void aDisputeHandlerPausesTheContractAndNoTimeIsRecordedUntilItResumes() {
        String contractId = diary.hourlyContract("30.00", null, false, true);

        JsonNode paused = diary.pause(FRANK, contractId, "Hours disputed").dataAt("pauseContract.contract");
        Response whilePaused = diary.recordSegment(CAROL, segment(contractId, openCell(3), "Work", null, minutes(5, 5)));
        Response clientPausing = diary.pause(ALICE, contractId, "Stop");
        JsonNode resumed = diary.resume(FRANK, contractId).dataAt("resumeContract.contract");

        assertThat(paused.path("status").asString()).isEqualTo("PAUSED");
        assertThat(paused.path("pauseReason").asString()).isEqualTo("Hours disputed");
        assertThat(paused.path("pausedBy").path("id").asString()).isEqualTo("frank");
        assertThat(whilePaused.firstError().path("extensions").path("rule").asString()).isEqualTo("contract.state");
        assertThat(clientPausing.firstError().path("extensions").path("classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(resumed.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(resumed.path("pausedAt").isNull()).isTrue();
        assertThat(diary.recorded(contractId, openCell(3), "Work", null).path("workDiaryTimeCells").size()).isEqualTo(1);
    }

    @Test
    void theOfferShowsTheTrackerOptIn() {
        String contractId = diary.hourlyContract("30.00", 10, true, true);

        JsonNode terms = diary.contract(ALICE, contractId).dataAt("contract.hourlyTerms");

        assertThat(terms.path("trackerOptIn").asBoolean()).isTrue();
        assertThat(terms.path("manualTimeAllowed").asBoolean()).isTrue();
        assertThat(terms.path("weeklyLimitHours").asInt()).isEqualTo(10);
        assertThat(terms.path("pendingWeeklyLimit").isNull()).isTrue();
    }

    private static List<String> reasons(JsonNode cells) {
        List<String> reasons = new ArrayList<>();
        cells.forEach(cell -> {
            List<String> names = new ArrayList<>();
            cell.path("unprotectedReasons").forEach(reason -> names.add(reason.asString()));
            reasons.add(String.join(",", names));
        });
        return reasons;
    }

    private static String[] days(LocalDate monday) {
        String[] days = new String[7];
        for (int day = 0; day < 7; day++) {
            days[day] = monday.plusDays(day).toString();
        }
        return days;
    }
}
