package io.freelance.ledger.query.diary;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.invoice.HourlyBilling;
import java.math.BigDecimal;
import java.util.Collection;

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

    private static BigDecimal hours(int minutes) {
        return HourlyBilling.hoursFor(minutes / MINUTES_PER_CELL);
    }
}
