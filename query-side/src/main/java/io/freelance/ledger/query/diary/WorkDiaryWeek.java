package io.freelance.ledger.query.diary;

import io.freelance.ledger.common.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A contract's Work Diary for one week, Monday to Sunday UTC, as the client reviews it and the invoice
 * bills it.
 *
 * @param weeklyLimitHours the limit that bounds this week, null for none
 * @param lockedFrom       the following Monday 12:00 UTC: from then on the week is invoiced and cannot change
 * @param locked           the week can no longer change: its lock has passed (or was applied)
 * @param invoiceId        the week's invoice once issued; null before, and for a week with nothing billable
 * @param workDays         all seven days, Monday first, each with its cells in time order
 */
public record WorkDiaryWeek(String contractId, LocalDate weekStart, Integer weeklyLimitHours, Money hourlyRate,
                            Instant lockedFrom, boolean locked, String invoiceId, List<WorkDay> workDays,
                            WorkDiaryTotals totals) {

    public WorkDiaryWeek {
        workDays = List.copyOf(workDays);
    }

    public WorkDay day(LocalDate date) {
        return workDays.stream().filter(day -> day.date().equals(date)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(date + " is not in the week of " + weekStart));
    }

    /** The cells of the week, in time order. */
    public List<WorkDiaryTimeCell> cells() {
        return workDays.stream().flatMap(day -> day.workDiaryTimeCells().stream()).toList();
    }

    public record WorkDay(LocalDate date, List<WorkDiaryTimeCell> workDiaryTimeCells, WorkDiaryTotals totals) {

        public WorkDay {
            workDiaryTimeCells = List.copyOf(workDiaryTimeCells);
        }
    }
}
