package io.freelance.ledger.diary;

import static io.freelance.ledger.diary.UnprotectedReason.LOW_ACTIVITY;
import static io.freelance.ledger.diary.UnprotectedReason.MANUAL;
import static io.freelance.ledger.diary.UnprotectedReason.NO_MEMO;
import static io.freelance.ledger.diary.UnprotectedReason.NO_SCREENSHOT;
import static io.freelance.ledger.diary.UnprotectedReason.OVERTIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Protection per cell, and overtime per week, as every reader of the diary computes them. */
class CellProtectionTest {

    private static final Instant MONDAY_NINE = Instant.parse("2026-11-23T09:00:00Z");

    private final CellProtection protection = new CellProtection(CellProtection.DEFAULT_ACTIVITY_THRESHOLD);

    @Test
    void aTrackedCellWithScreenshotMemoAndActivityWithinTheLimitIsProtected() {
        AssessedCell cell = protection.assessWeek(List.of(tracked(MONDAY_NINE, 1)), 40).get(0);

        assertThat(cell.isProtected()).isTrue();
        assertThat(cell.isBillable()).isTrue();
        assertThat(cell.unprotectedReasons()).isEmpty();
    }

    @Test
    void manualTimeIsNeverProtected() {
        assertThat(reasonsOf(DiaryCell.manual(MONDAY_NINE, "Call with the client"))).containsExactly(MANUAL);
    }

    @Test
    void aCellWithoutScreenshotIsUnprotected() {
        assertThat(reasonsOf(new DiaryCell(MONDAY_NINE, false, false, true, 8))).containsExactly(NO_SCREENSHOT);
    }

    @Test
    void aCellWithoutMemoIsUnprotected() {
        assertThat(reasonsOf(new DiaryCell(MONDAY_NINE, false, true, false, 8))).containsExactly(NO_MEMO);
    }

    @Test
    void activityBelowTheThresholdIsUnprotectedAndAtItIsProtected() {
        CellProtection demanding = new CellProtection(3);
        assertThat(demanding.unprotectedReasons(tracked(MONDAY_NINE, 2), false)).containsExactly(LOW_ACTIVITY);
        assertThat(demanding.unprotectedReasons(tracked(MONDAY_NINE, 3), false)).isEmpty();
        assertThat(reasonsOf(tracked(MONDAY_NINE, 0))).containsExactly(LOW_ACTIVITY);
    }

    @Test
    void everyReasonThatAppliesIsGivenInOneOrder() {
        DiaryCell bare = new DiaryCell(MONDAY_NINE, false, false, false, 0);
        assertThat(protection.unprotectedReasons(bare, true)).containsExactly(NO_SCREENSHOT, NO_MEMO, LOW_ACTIVITY, OVERTIME);
    }

    @Test
    void cellsBeyondTheWeeklyLimitInTimeOrderAreOvertime() {
        // A one-hour limit is six cells; seven recorded, handed over out of order.
        List<DiaryCell> cells = new ArrayList<>();
        for (int index = 6; index >= 0; index--) {
            cells.add(tracked(MONDAY_NINE.plus(Duration.ofMinutes(10L * index)), 5));
        }

        List<AssessedCell> week = protection.assessWeek(cells, 1);

        assertThat(week).extracting(assessed -> assessed.cell().cellDateTime())
                .isSortedAccordingTo(Instant::compareTo);
        assertThat(week.subList(0, 6)).allSatisfy(assessed -> assertThat(assessed.isProtected()).isTrue());
        AssessedCell seventh = week.get(6);
        assertThat(seventh.overtime()).isTrue();
        assertThat(seventh.isBillable()).isFalse();
        assertThat(seventh.unprotectedReasons()).containsExactly(OVERTIME);
    }

    @Test
    void anEarlierCellRecordedLaterPushesTheLastCellIntoOvertime() {
        DiaryCell tuesday = tracked(MONDAY_NINE.plus(Duration.ofDays(1)), 5);
        DiaryCell mondayRecordedLater = DiaryCell.manual(MONDAY_NINE, "Planning");
        List<DiaryCell> sixOnTuesday = new ArrayList<>();
        for (int index = 0; index < 6; index++) {
            sixOnTuesday.add(tracked(tuesday.cellDateTime().plus(Duration.ofMinutes(10L * index)), 5));
        }
        assertThat(protection.assessWeek(sixOnTuesday, 1)).noneMatch(AssessedCell::overtime);

        List<DiaryCell> withMonday = new ArrayList<>(sixOnTuesday);
        withMonday.add(mondayRecordedLater);
        List<AssessedCell> week = protection.assessWeek(withMonday, 1);

        assertThat(week.get(0).cell()).isEqualTo(mondayRecordedLater);
        assertThat(week.get(0).overtime()).isFalse();
        assertThat(week.get(6).overtime()).isTrue();
    }

    @Test
    void withoutALimitNothingIsOvertime() {
        List<DiaryCell> cells = new ArrayList<>();
        for (int index = 0; index < DiaryInput.CELLS_PER_WEEK; index++) {
            cells.add(tracked(MONDAY_NINE.minus(Duration.ofHours(9)).plus(Duration.ofMinutes(10L * index)), 5));
        }
        assertThat(protection.assessWeek(cells, null)).noneMatch(AssessedCell::overtime);
    }

    @Test
    void theThresholdIsAnActivityLevel() {
        assertThatThrownBy(() -> new CellProtection(11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CellProtection(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRecordedSegmentIsAssessedFromItsEvent() {
        List<MinuteActivity> minutes = new ArrayList<>(Collections.nCopies(7, new MinuteActivity(0, 0)));
        minutes.addAll(List.of(new MinuteActivity(3, 0), new MinuteActivity(0, 1), new MinuteActivity(12, 4)));
        TrackedSegmentRecordedEvent segment = new TrackedSegmentRecordedEvent("diary-c-1.2026-W48", "c-1", "f-1",
                MONDAY_NINE, minutes, "Fixing the login form", null, null, null, MONDAY_NINE.plusSeconds(600));

        assertThat(DiaryCell.of(segment)).isEqualTo(new DiaryCell(MONDAY_NINE, false, false, true, 3));
    }

    private List<UnprotectedReason> reasonsOf(DiaryCell cell) {
        return protection.assessWeek(List.of(cell), 40).get(0).unprotectedReasons();
    }

    private static DiaryCell tracked(Instant at, int activityLevel) {
        return new DiaryCell(at, false, true, true, activityLevel);
    }
}
