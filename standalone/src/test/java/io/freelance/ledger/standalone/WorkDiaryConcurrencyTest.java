package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.DiaryApi.minutes;
import static io.freelance.ledger.standalone.DiaryApi.openCell;
import static io.freelance.ledger.standalone.DiaryApi.openWeek;
import static io.freelance.ledger.standalone.DiaryApi.segment;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.diary.WorkDiaryId;
import io.freelance.ledger.standalone.GraphQlHttpClient.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A tracker that sends a burst of cells at once, each also sent a second time (a retry racing its original),
 * over HTTP on the real event store, into a week with a one-hour limit: every cell is recorded exactly once,
 * the weekly limit bills exactly its six cells whatever order the cells were applied in, and every answer is
 * a success: a conflict between concurrent segments of one week is the service's to retry.
 */
class WorkDiaryConcurrencyTest extends StandaloneTestBase {

    private static final int CELLS = 12;
    private static final int FIRST_CELL = 50;

    @Test
    void aBurstOfCellsEachSentTwiceAtOnceIsRecordedOnceEachAndBilledUpToTheWeeklyLimit() throws Exception {
        DiaryApi diary = new DiaryApi(api);
        String contractId = diary.hourlyContract("60.00", 1, false, true);
        List<Callable<Response>> sends = new ArrayList<>();
        for (int copy = 0; copy < 2; copy++) {
            for (int cell = FIRST_CELL; cell < FIRST_CELL + CELLS; cell++) {
                Instant cellTime = openCell(cell);
                sends.add(() -> diary.recordSegment(CAROL, segment(contractId, cellTime, "Feature work", null, minutes(40, 15))));
            }
        }

        List<Response> answers = AllAtOnce.send(sends, 60);

        for (Response answer : answers) {
            answer.answered();
        }
        JsonNode totals = diary.week(ALICE, contractId, openWeek()).dataAt("workDiaryWeek.totals");
        assertThat(totals.path("trackedMinutes").asInt()).as("every cell once").isEqualTo(CELLS * 10);
        assertThat(totals.path("billableMinutes").asInt()).as("the one-hour limit").isEqualTo(60);
        assertThat(totals.path("overtimeMinutes").asInt()).isEqualTo(CELLS * 10 - 60);
        assertThat(totals.path("amount").path("amount").asString()).isEqualTo("60.00");
        assertThat(recordedSegments(WorkDiaryId.forWeek(contractId, openWeek()))).as("segment events stored").isEqualTo(CELLS);
    }

    private long recordedSegments(String diaryId) {
        return new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND payload_type LIKE '%.TrackedSegmentRecordedEvent'", Long.class, diaryId);
    }
}
