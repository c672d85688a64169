package io.freelance.ledger.query.diary;

import java.time.LocalDate;
import java.util.List;

/**
 * One day of a contract's Work Diary: Upwork's {@code WorkDiaryContract} with its {@code workDiaryTimeCells}.
 * Overtime and protection are those of the whole week the day lies in.
 */
public record WorkDiaryDay(String contractId, LocalDate date, List<WorkDiaryTimeCell> workDiaryTimeCells,
                           WorkDiaryTotals totals) {

    public WorkDiaryDay {
        workDiaryTimeCells = List.copyOf(workDiaryTimeCells);
    }

    static WorkDiaryDay of(WorkDiaryWeek week, LocalDate date) {
        WorkDiaryWeek.WorkDay day = week.day(date);
        return new WorkDiaryDay(week.contractId(), date, day.workDiaryTimeCells(), day.totals());
    }
}
