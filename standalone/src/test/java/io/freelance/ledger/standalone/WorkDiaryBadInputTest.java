package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.DemoUser.DAVE;
import static io.freelance.ledger.standalone.DemoUser.ERIN;
import static io.freelance.ledger.standalone.DiaryApi.minutes;
import static io.freelance.ledger.standalone.DiaryApi.openCell;
import static io.freelance.ledger.standalone.DiaryApi.openWeek;
import static io.freelance.ledger.standalone.DiaryApi.segment;
import static io.freelance.ledger.standalone.LedgerApi.milestone;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.common.UtcWeek;
import io.freelance.ledger.standalone.GraphQlHttpClient.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Time the Work Diary must not record, sent over HTTP GraphQL (issue 7, item 9): each is refused with a
 * classified error naming the field and the rule, and no event is stored.
 */
class WorkDiaryBadInputTest extends StandaloneTestBase {

    DiaryApi diary;
    ScreenshotHttp screenshots;
    String contractId;

    @BeforeEach
    void contract() {
        diary = new DiaryApi(api);
        screenshots = new ScreenshotHttp("http://127.0.0.1:" + port);
        contractId = diary.hourlyContract("30.00", null, true, true);
    }

    @Test
    void aCellThatDoesNotStartOnATenMinuteBoundaryIsRefused() {
        refused(() -> record(segment(contractId, openCell(6).plusSeconds(300), "Work", null, minutes(5, 5))),
                "BAD_REQUEST", "cellDateTime", "cellDateTime.aligned");
    }

    @Test
    void aCellThatHasNotEndedYetIsRefused() {
        Instant thisCell = Instant.ofEpochSecond(Instant.now().getEpochSecond() / 600 * 600);
        refused(() -> record(segment(contractId, thisCell.plus(Duration.ofHours(1)), "Work", null, minutes(5, 5))),
                "BAD_REQUEST", "cellDateTime", "cellDateTime.future");
    }

    @Test
    void timeOverlappingRecordedTimeIsRefused() {
        diary.recorded(contractId, openCell(7), "Work", null);

        refused(() -> diary.recordManualTime(CAROL, contractId, openCell(6), openCell(8), "Meeting"),
                "CONFLICT", "from", "from.overlap");
        refused(() -> record(segment(contractId, openCell(7), "Other work", null, minutes(5, 5))),
                "CONFLICT", "cellDateTime", "cellDateTime.overlap");
    }

    /** The week before last locked on last Monday 12:00 at the latest. */
    @Test
    void aCellInALockedWeekIsRefused() {
        Instant twoWeeksBefore = UtcWeek.startOf(openWeek().minusWeeks(2)).plus(Duration.ofHours(9));

        refused(() -> record(segment(contractId, twoWeeksBefore, "Work", null, minutes(5, 5))),
                "CONFLICT", "cellDateTime", "cellDateTime.locked-week");
        refused(() -> diary.recordManualTime(CAROL, contractId, twoWeeksBefore, twoWeeksBefore.plus(Duration.ofMinutes(20)),
                "Meeting"), "CONFLICT", "from", "from.locked-week");
    }

    @Test
    void aSegmentWithoutAMemoIsRefused() {
        Map<String, Object> withoutMemo = new HashMap<>(segment(contractId, openCell(9), "Work", null, minutes(5, 5)));
        withoutMemo.remove("memo");

        refused(() -> record(segment(contractId, openCell(9), "   ", null, minutes(5, 5))), "BAD_REQUEST", "memo", "memo.required");
        refused(() -> record(withoutMemo), "BAD_REQUEST", "memo", "memo.required");
    }

    @Test
    void countsOutsideZeroToTenThousandAMinuteAreRefused() {
        List<Map<String, Object>> negative = new ArrayList<>(minutes(5, 5));
        negative.set(0, Map.of("keyboard", -1, "mouse", 5));
        List<Map<String, Object>> tooMany = new ArrayList<>(minutes(5, 5));
        tooMany.set(3, Map.of("keyboard", 5, "mouse", 10_001));

        refused(() -> record(segment(contractId, openCell(10), "Work", null, negative)),
                "BAD_REQUEST", "minutes[0].keyboard", "keyboard.range");
        refused(() -> record(segment(contractId, openCell(10), "Work", null, tooMany)),
                "BAD_REQUEST", "minutes[3].mouse", "mouse.range");
        refused(() -> record(segment(contractId, openCell(10), "Work", null, minutes(5, 5).subList(0, 9))),
                "BAD_REQUEST", "minutes", "minutes.size");
    }

    @Test
    void aTrackedSegmentOnAContractWithoutTheTrackerIsRefused() {
        String withoutTracker = diary.hourlyContract("30.00", null, true, false);

        refused(() -> record(segment(withoutTracker, openCell(11), "Work", null, minutes(5, 5))),
                "BAD_REQUEST", "contractId", "contract.tracker-not-opted-in");
    }

    @Test
    void manualTimeWhereTheContractDoesNotAllowItIsRefused() {
        String trackerOnly = diary.hourlyContract("30.00", null, false, true);

        refused(() -> diary.recordManualTime(CAROL, trackerOnly, openCell(11), openCell(12), "Meeting"),
                "BAD_REQUEST", "contractId", "contract.manual-time-not-allowed");
    }

    @Test
    void timeOnSomeoneElsesContractIsRefusedAsIfItDidNotExist() {
        refused(() -> diary.recordSegment(DAVE, segment(contractId, openCell(12), "Work", null, minutes(5, 5))),
                "NOT_FOUND", "contractId", "contract.not-found");
        refused(() -> diary.recordManualTime(DAVE, contractId, openCell(12), openCell(13), "Meeting"),
                "NOT_FOUND", "contractId", "contract.not-found");
    }

    @Test
    void theClientCannotRecordTimeAndFinanceChangesNoDiary() {
        refused(() -> diary.recordSegment(ALICE, segment(contractId, openCell(13), "Work", null, minutes(5, 5))),
                "FORBIDDEN", "contractId", "contract.freelancer-only");
        refused(() -> diary.recordSegment(ERIN, segment(contractId, openCell(13), "Work", null, minutes(5, 5))),
                "FORBIDDEN", "contractId", "role.read-only");
    }

    @Test
    void aFixedPriceContractHasNoDiary() {
        String fixedPrice = api.offerFixedPrice(ALICE, unique("offer"), CAROL.id(), "USD", List.of(milestone("Design", "100.00", "USD")))
                .dataAt("offerFixedPriceContract.contractId").asString();
        api.accept(CAROL, fixedPrice).answered();

        refused(() -> record(segment(fixedPrice, openCell(14), "Work", null, minutes(5, 5))),
                "BAD_REQUEST", "contractId", "contract.hourly-only");
        JsonNode readError = diary.week(ALICE, fixedPrice, openWeek()).firstError();
        assertThat(readError.path("extensions").path("rule").asString()).isEqualTo("contract.hourly-only");
    }

    @Test
    void aScreenshotTheFreelancerDidNotUploadIsRefused() {
        String davesShot = screenshots.uploaded(DAVE, "image/png", ScreenshotHttp.png(200, 100));

        refused(() -> record(segment(contractId, openCell(15), "Work", davesShot, minutes(5, 5))),
                "BAD_REQUEST", "screenshotId", "screenshotId.not-uploaded");
        refused(() -> record(segment(contractId, openCell(15), "Work", "0".repeat(64), minutes(5, 5))),
                "BAD_REQUEST", "screenshotId", "screenshotId.not-uploaded");
        refused(() -> record(segment(contractId, openCell(15), "Work", "not-a-hash", minutes(5, 5))),
                "BAD_REQUEST", "screenshotId", "screenshotId.format");
    }

    @Test
    void aWeekThatDoesNotStartOnMondayIsRefused() {
        JsonNode error = diary.week(ALICE, contractId, openWeek().plusDays(2)).firstError();

        assertThat(error.path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(error.path("extensions").path("rule").asString()).isEqualTo("weekStart.monday");
    }

    private Response record(Map<String, Object> segment) {
        return diary.recordSegment(CAROL, segment);
    }
}
