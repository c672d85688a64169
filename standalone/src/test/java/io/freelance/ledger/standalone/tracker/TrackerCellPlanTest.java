package io.freelance.ledger.standalone.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.standalone.tracker.CellPlan.WorkingHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which cells the simulator chooses: only those the Work Diary's rules let it record. */
class TrackerCellPlanTest {

    private static final WorkingHours OFFICE = new WorkingHours(8, 18);
    private static final Instant LONG_AGO = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void theMondayUsedIsAMonday() {
        assertThat(Instant.parse("2026-03-02T00:00:00Z").atOffset(ZoneOffset.UTC).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    }

    @Test
    void takesTheLatestEndedCellsInTimeOrderNotTheRunningOne() {
        List<Instant> cells = CellPlan.latestCells(at("2026-03-03T10:05:00Z"), LONG_AGO, Set.of(), OFFICE, 3);

        assertThat(cells).containsExactly(at("2026-03-03T09:30:00Z"), at("2026-03-03T09:40:00Z"), at("2026-03-03T09:50:00Z"));
    }

    @Test
    void skipsCellsOutsideWorkingHoursAndCellsRecordedBefore() {
        Set<Instant> recorded = Set.of(at("2026-03-03T08:10:00Z"), at("2026-03-02T17:50:00Z"));

        List<Instant> cells = CellPlan.latestCells(at("2026-03-03T08:25:00Z"), LONG_AGO, recorded, OFFICE, 3);

        assertThat(cells).containsExactly(at("2026-03-02T17:30:00Z"), at("2026-03-02T17:40:00Z"), at("2026-03-03T08:00:00Z"));
    }

    @Test
    void noCellThatEndedBeforeTheContractWasAccepted() {
        List<Instant> cells = CellPlan.latestCells(at("2026-03-03T10:05:00Z"), at("2026-03-03T09:35:00Z"), Set.of(), OFFICE, 10);

        assertThat(cells).containsExactly(at("2026-03-03T09:30:00Z"), at("2026-03-03T09:40:00Z"), at("2026-03-03T09:50:00Z"));
    }

    @Test
    void aContractAcceptedJustNowHasNoCellToRecordYet() {
        assertThat(CellPlan.latestCells(at("2026-03-03T10:05:00Z"), at("2026-03-03T10:04:00Z"), Set.of(), OFFICE, 10)).isEmpty();
    }

    @Test
    void thePreviousWeekIsOpenUntilMondayNoonAndLockedAfter() {
        Instant beforeNoon = at("2026-03-02T11:55:00Z");
        Instant afterNoon = at("2026-03-02T12:05:00Z");

        assertThat(CellPlan.latestCells(beforeNoon, LONG_AGO, Set.of(), WorkingHours.ALL_DAY, 10_000))
                .hasSize(7 * 144 + 71).first().isEqualTo(at("2026-02-23T00:00:00Z"));
        assertThat(CellPlan.latestCells(afterNoon, LONG_AGO, Set.of(), WorkingHours.ALL_DAY, 10_000))
                .hasSize(72).first().isEqualTo(at("2026-03-02T00:00:00Z"));
    }

    @Test
    void cellsStartOnTenMinuteBoundaries() {
        assertThat(CellPlan.alignDown(at("2026-03-03T10:19:59.999Z"))).isEqualTo(at("2026-03-03T10:10:00Z"));
        assertThat(CellPlan.alignDown(at("2026-03-03T10:20:00Z"))).isEqualTo(at("2026-03-03T10:20:00Z"));
    }

    private static Instant at(String text) {
        return Instant.parse(text);
    }
}
