package io.freelance.ledger.query.diary;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.invoice.HourlyBilling;
import io.freelance.ledger.invoice.InvoiceLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Time and money of a day or a week of the diary. Minutes are exact (cells of 10 minutes); hours are
 * rounded half-up to two decimals, for display. The amount is priced as invoices price it
 * ({@link HourlyBilling}): from the exact billable cells, once for the period, rounded half-up to the cent.
 * A week's amount is what its invoice bills and may differ by a cent from the sum of its days' amounts.
 *
 * @param trackedMinutes   tracked (not manual) time, overtime included
 * @param manualMinutes    manual time, overtime included
 * @param overtimeMinutes  time beyond the weekly limit: shown, not billed
 * @param billableMinutes  tracked and manual time within the limit
 * @param protectedMinutes time covered by hourly payment protection
 * @param amount           billable time × the hourly rate
 */
public record WorkDiaryTotals(int trackedMinutes, int manualMinutes, int overtimeMinutes, int billableMinutes,
                              int protectedMinutes, Money amount) {

    private static final int MINUTES_PER_CELL = 10;

    static WorkDiaryTotals of(Collection<WorkDiaryTimeCell> cells, Money hourlyRate) {
        int tracked = 0;
        int manual = 0;
        int overtime = 0;
        int protectedCells = 0;
        for (WorkDiaryTimeCell cell : cells) {
            if (cell.manual()) {
                manual++;
            } else {
                tracked++;
            }
            if (cell.overtime()) {
                overtime++;
            }
            if (cell.protectedCell()) {
                protectedCells++;
            }
        }
        int billable = tracked + manual - overtime;
        return new WorkDiaryTotals(tracked * MINUTES_PER_CELL, manual * MINUTES_PER_CELL, overtime * MINUTES_PER_CELL,
                billable * MINUTES_PER_CELL, protectedCells * MINUTES_PER_CELL, HourlyBilling.amountFor(hourlyRate, billable));
    }

    /**
     * The days of {@code week} from {@code from} to {@code to}, both included; days outside the week count
     * nothing. Overtime is that of the whole week. The amount is the sum of the week's invoice lines for those
     * days ({@link HourlyBilling#dailyLines}), so days that make up whole weeks cost exactly what their
     * invoices bill, and part of a week costs what its invoice bills for those days.
     */
    static WorkDiaryTotals ofDays(WorkDiaryWeek week, LocalDate from, LocalDate to) {
        List<WorkDiaryTimeCell> cellsInRange = week.workDays().stream()
                .filter(day -> !day.date().isBefore(from) && !day.date().isAfter(to))
                .flatMap(day -> day.workDiaryTimeCells().stream())
                .toList();
        List<Instant> billedCells = week.cells().stream().filter(cell -> !cell.overtime())
                .map(WorkDiaryTimeCell::cellDateTime).toList();
        Money amount = Money.zero(week.hourlyRate().currency());
        for (InvoiceLine line : HourlyBilling.dailyLines(billedCells, week.hourlyRate())) {
            if (!line.date().isBefore(from) && !line.date().isAfter(to)) {
                amount = amount.plus(line.amount());
            }
        }
        WorkDiaryTotals counted = of(cellsInRange, week.hourlyRate());
        return new WorkDiaryTotals(counted.trackedMinutes, counted.manualMinutes, counted.overtimeMinutes,
                counted.billableMinutes, counted.protectedMinutes, amount);
    }

    /** Both periods' time and money; both must be priced in the same currency. */
    WorkDiaryTotals plus(WorkDiaryTotals other) {
        return new WorkDiaryTotals(trackedMinutes + other.trackedMinutes, manualMinutes + other.manualMinutes,
                overtimeMinutes + other.overtimeMinutes, billableMinutes + other.billableMinutes,
                protectedMinutes + other.protectedMinutes, amount.plus(other.amount));
    }

    /** Tracked and manual time, overtime included. */
    public int workedMinutes() {
        return trackedMinutes + manualMinutes;
    }

    public BigDecimal trackedHours() {
        return hours(trackedMinutes);
    }

    public BigDecimal manualHours() {
        return hours(manualMinutes);
    }

    public BigDecimal overtimeHours() {
        return hours(overtimeMinutes);
    }

    public BigDecimal billableHours() {
        return hours(billableMinutes);
    }

    public BigDecimal protectedHours() {
        return hours(protectedMinutes);
    }

    static BigDecimal hours(int minutes) {
        return HourlyBilling.hoursFor(minutes / MINUTES_PER_CELL);
    }
}
