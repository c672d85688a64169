package io.freelance.ledger.query.diary;

import java.time.LocalDate;
import java.util.List;

/**
 * One contract-week of the Work Diary as its read model holds it: the recorded cells in time order and
 * the version of the WorkDiary aggregate they reflect.
 */
public record RecordedWeek(String workDiaryId, String contractId, LocalDate weekStart, long version, List<RecordedCell> cells) {

    public RecordedWeek {
        cells = List.copyOf(cells);
    }

    /** A week nobody has recorded time in yet. */
    static RecordedWeek empty(String workDiaryId, String contractId, LocalDate weekStart) {
        return new RecordedWeek(workDiaryId, contractId, weekStart, -1, List.of());
    }
}
