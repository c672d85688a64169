package io.freelance.ledger.invoice;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.diary.CellProtection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What billed time costs, in one place for every reader: the invoice charges it, a dispute refunds part of
 * it, the diary's read model shows the week's amount. Hours are cells / 6; an amount is cells × rate / 6,
 * rounded half-up to the currency's smallest unit once per transaction (DESIGN §4), never per cell: seven
 * cells at 33.33 an hour are 38.885, charged as 38.89.
 */
public final class HourlyBilling {

    private static final BigDecimal CELLS_PER_HOUR = BigDecimal.valueOf(CellProtection.CELLS_PER_HOUR);

    private HourlyBilling() {
    }

    public static Money amountFor(Money hourlyRate, int cells) {
        if (cells < 0) {
            throw new IllegalArgumentException("A number of cells is never negative: " + cells);
        }
        int scale = hourlyRate.amount().scale();
        BigDecimal amount = hourlyRate.amount().multiply(BigDecimal.valueOf(cells))
                .divide(CELLS_PER_HOUR, scale, RoundingMode.HALF_UP);
        return new Money(amount, hourlyRate.currency());
    }

    /** The cells in hours, to two decimals (half-up): for reading, not for computing amounts. */
    public static BigDecimal hoursFor(int cells) {
        return BigDecimal.valueOf(cells).divide(CELLS_PER_HOUR, 2, RoundingMode.HALF_UP);
    }

    /**
     * One line per UTC day with billed cells, in date order. Each line's amount is the rounded amount of all
     * cells up to the end of its day less that up to the end of the day before, so every line is within a
     * cent of its exact value and the lines add up to {@link #amountFor} of all cells exactly.
     */
    public static List<InvoiceLine> dailyLines(Collection<Instant> billedCells, Money hourlyRate) {
        Map<LocalDate, Integer> cellsPerDay = new TreeMap<>();
        for (Instant cell : billedCells) {
            cellsPerDay.merge(cell.atOffset(ZoneOffset.UTC).toLocalDate(), 1, Integer::sum);
        }
        List<InvoiceLine> lines = new ArrayList<>(cellsPerDay.size());
        int cellsSoFar = 0;
        Money amountSoFar = Money.zero(hourlyRate.currency());
        for (Map.Entry<LocalDate, Integer> day : cellsPerDay.entrySet()) {
            cellsSoFar += day.getValue();
            Money amountToDayEnd = amountFor(hourlyRate, cellsSoFar);
            lines.add(new InvoiceLine(day.getKey(), day.getValue(), hoursFor(day.getValue()), hourlyRate,
                    amountToDayEnd.minus(amountSoFar)));
            amountSoFar = amountToDayEnd;
        }
        return List.copyOf(lines);
    }
}
