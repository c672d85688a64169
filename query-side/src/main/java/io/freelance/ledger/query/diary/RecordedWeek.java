package io.freelance.ledger.query.diary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One contract-week of the Work Diary as its read model holds it: the recorded cells in time order and
 * the version of the WorkDiary aggregate they reflect.
 *
 * @param lockedAt  when the week locked and was invoiced (Monday 12:00 UTC after it); null until then
 * @param invoiceId the invoice issued for it; null while open, and for a locked week with nothing billable
 */
public record RecordedWeek(String workDiaryId, String contractId, LocalDate weekStart, long version, List<RecordedCell> cells,
                           Instant lockedAt, String invoiceId) {

    public RecordedWeek {
        cells = List.copyOf(cells);
    }

    /** A week nobody has recorded time in yet. */
    static RecordedWeek empty(String workDiaryId, String contractId, LocalDate weekStart) {
        return new RecordedWeek(workDiaryId, contractId, weekStart, -1, List.of(), null, null);
    }
}
