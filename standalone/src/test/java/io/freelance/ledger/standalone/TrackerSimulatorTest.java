package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.common.UtcWeek;
import io.freelance.ledger.standalone.tracker.Segment;
import io.freelance.ledger.standalone.tracker.TrackerCommand;
import io.freelance.ledger.standalone.tracker.TrackerSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The tracker simulator's command run in this JVM against the running service over HTTP: what it says it
 * sent is what the client then sees in the Work Diary. All hours of the day are allowed (--hours 0-24), so
 * the latest ended cells are chosen whenever the test runs; they lie in an open week (the previous week
 * stays open until Monday 12:00 UTC), and the contract was accepted weeks before.
 */
class TrackerSimulatorTest extends StandaloneTestBase {

    DiaryApi diary;
    ByteArrayOutputStream output;
    PrintStream out;

    @BeforeEach
    void setUp() {
        diary = new DiaryApi(api);
        output = new ByteArrayOutputStream();
        out = new PrintStream(output, true, StandardCharsets.UTF_8);
    }

    @Test
    void twoTrackersRecordTheLatestCellsWithTheScreenshotsAndActivityTheySent() {
        String contractId = diary.hourlyContract("30.00", null, false, true);

        TrackerCommand.Result result = tracker("--contract", contractId, "--cells", "6", "--clients", "2", "--seed", "7");

        assertThat(result.exitCode()).as(printed()).isZero();
        TrackerSummary summary = result.summary();
        assertThat(summary.errors()).isEmpty();
        assertThat(summary.recorded()).hasSize(6);
        assertThat(summary.uploads()).isEqualTo(6);
        assertThat(summary.recordLatency().count()).isEqualTo(6);
        assertThat(printed()).contains("Cells recorded: 6", "recordTrackedSegment: p50");

        Map<Instant, JsonNode> shown = diaryCells(contractId, summary.recorded());
        assertThat(new TreeSet<>(shown.keySet()))
                .containsExactlyElementsOf(summary.recorded().stream().map(Segment::cellDateTime).sorted().toList());
        for (Segment sent : summary.recorded()) {
            assertShownAsSent(shown.get(sent.cellDateTime()), sent);
        }
    }

    @Test
    void aSecondRunSkipsTheCellsRecordedAndTakesEarlierOnes() {
        String contractId = diary.hourlyContract("30.00", null, false, true);
        List<Segment> first = tracker("--contract", contractId, "--cells", "3").summary().recorded();

        TrackerCommand.Result second = tracker("--contract", contractId, "--cells", "3");

        assertThat(second.exitCode()).as(printed()).isZero();
        Instant earliestOfFirst = first.stream().map(Segment::cellDateTime).min(Instant::compareTo).orElseThrow();
        assertThat(second.summary().recorded()).hasSize(3)
                .allSatisfy(segment -> assertThat(segment.cellDateTime()).isBefore(earliestOfFirst));
        assertThat(printed()).contains("(3 recorded before)");
    }

    @Test
    void withAClientItOffersAnHourlyContractWithTheTrackerThatTheFreelancerAccepts() {
        TrackerCommand.Result result = tracker("--client", "alice:alice-pass", "--cells", "2");

        // Accepted just now, the contract has no ended cell yet: nothing is recorded, and that is no error.
        assertThat(result.exitCode()).as(printed()).isZero();
        assertThat(result.summary().recorded()).isEmpty();
        assertThat(printed()).contains("Only 0 of 2 cells can be recorded now");
        String contractId = result.summary().contractIds().get(0);
        JsonNode contract = diary.contract(CAROL, contractId).dataAt("contract");
        assertThat(contract.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(contract.path("hourlyTerms").path("trackerOptIn").asBoolean()).isTrue();
    }

    private TrackerCommand.Result tracker(String... arguments) {
        List<String> common = List.of("--url", "http://127.0.0.1:" + port, "--freelancer", "carol:carol-pass",
                "--hours", "0-24");
        String[] all = java.util.stream.Stream.concat(common.stream(), java.util.Arrays.stream(arguments))
                .toArray(String[]::new);
        return TrackerCommand.execute(out, out, all);
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    /** The contract's cells as the client sees them, from each week the segments lie in. */
    private Map<Instant, JsonNode> diaryCells(String contractId, List<Segment> segments) {
        Map<Instant, JsonNode> cells = new HashMap<>();
        segments.stream().map(segment -> UtcWeek.weekStartDate(segment.cellDateTime())).distinct()
                .forEach((LocalDate weekStart) -> diary.week(ALICE, contractId, weekStart).dataAt("workDiaryWeek")
                        .path("workDays").forEach(day -> day.path("workDiaryTimeCells").forEach(
                                cell -> cells.put(Instant.parse(cell.path("cellDateTime").asString()), cell))));
        return cells;
    }

    private static void assertShownAsSent(JsonNode cell, Segment sent) {
        assertThat(cell.path("hasScreenshot").asBoolean()).isTrue();
        assertThat(cell.path("screenshotId").asString()).isEqualTo(sent.screenshotId());
        assertThat(cell.path("screenshotImageUrl").asString()).isEqualTo("/screenshots/" + sent.screenshotId());
        assertThat(cell.path("activityLevel").asInt()).isEqualTo(sent.activityLevel());
        assertThat(cell.path("memo").asString()).isEqualTo(sent.memo());
        assertThat(cell.path("activityLabel").asString()).isEqualTo(sent.activityLabel());
        assertThat(cell.path("activeWindowTitle").asString()).isEqualTo(sent.activeWindowTitle());
        assertThat(cell.path("manual").asBoolean()).isFalse();
        JsonNode minutes = cell.path("minutes");
        assertThat(minutes.size()).isEqualTo(10);
        for (int minute = 0; minute < 10; minute++) {
            assertThat(minutes.get(minute).path("keyboard").asInt()).isEqualTo(sent.minutes().get(minute).keyboard());
            assertThat(minutes.get(minute).path("mouse").asInt()).isEqualTo(sent.minutes().get(minute).mouse());
        }
        List<String> reasons = cell.path("unprotectedReasons").valueStream().map(JsonNode::asString).toList();
        assertThat(reasons.contains("LOW_ACTIVITY")).isEqualTo(sent.activityLevel() == 0);
    }
}
