package io.freelance.ledger.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.common.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HourlyBillingTest {

    private static final Money RATE = Money.of("33.33", "USD");

    @Test
    void sevenCellsAt3333AnHourAreRoundedOnceHalfUp() {
        // 7 × 33.33 / 6 = 38.885
        assertThat(HourlyBilling.amountFor(RATE, 7)).isEqualTo(Money.of("38.89", "USD"));
        assertThat(HourlyBilling.hoursFor(7)).isEqualByComparingTo("1.17");
    }

    @Test
    void roundingOnceIsNotRoundingPerCell() {
        // One cell is 5.555 → 5.56; seven of them rounded each would be 38.92.
        assertThat(HourlyBilling.amountFor(RATE, 1)).isEqualTo(Money.of("5.56", "USD"));
        assertThat(HourlyBilling.amountFor(RATE, 7)).isNotEqualTo(Money.of("5.56", "USD").plus(Money.of("33.36", "USD")));
    }

    @Test
    void aWholeHourIsTheRate() {
        assertThat(HourlyBilling.amountFor(RATE, 6)).isEqualTo(RATE);
        assertThat(HourlyBilling.amountFor(RATE, 0)).isEqualTo(Money.zero("USD"));
        assertThat(HourlyBilling.hoursFor(6)).isEqualByComparingTo("1.00");
    }

    @Test
    void currenciesWithoutCentsRoundToTheirWholeUnit() {
        // 1 × 1000 / 6 = 166.67 → 167 yen
        assertThat(HourlyBilling.amountFor(Money.of("1000", "JPY"), 1)).isEqualTo(Money.of("167", "JPY"));
    }

    @Test
    void aTinyRateOverFewCellsCanCostNothing() {
        assertThat(HourlyBilling.amountFor(Money.of("0.01", "USD"), 2)).isEqualTo(Money.zero("USD"));
        assertThat(HourlyBilling.amountFor(Money.of("0.01", "USD"), 3)).isEqualTo(Money.of("0.01", "USD"));
    }

    @Test
    void dailyLinesAddUpToTheInvoiceToTheCent() {
        // Monday 3 cells, Tuesday 3, Wednesday 1: exact 16.665, 16.665, 5.555; cumulative rounding gives
        // 16.67, 16.66 (33.33 − 16.67), 5.56 (38.89 − 33.33).
        List<Instant> cells = List.of(
                Instant.parse("2026-11-23T09:00:00Z"), Instant.parse("2026-11-23T09:10:00Z"), Instant.parse("2026-11-23T09:20:00Z"),
                Instant.parse("2026-11-24T09:00:00Z"), Instant.parse("2026-11-24T09:10:00Z"), Instant.parse("2026-11-24T09:20:00Z"),
                Instant.parse("2026-11-25T23:50:00Z"));

        List<InvoiceLine> lines = HourlyBilling.dailyLines(cells, RATE);

        assertThat(lines).containsExactly(
                new InvoiceLine(LocalDate.of(2026, 11, 23), 3, new BigDecimal("0.50"), RATE, Money.of("16.67", "USD")),
                new InvoiceLine(LocalDate.of(2026, 11, 24), 3, new BigDecimal("0.50"), RATE, Money.of("16.66", "USD")),
                new InvoiceLine(LocalDate.of(2026, 11, 25), 1, new BigDecimal("0.17"), RATE, Money.of("5.56", "USD")));
    }

    @Test
    void linesOfAnyWeekAddUpToItsAmount() {
        Random random = new Random(7);
        Instant monday = Instant.parse("2026-11-23T00:00:00Z");
        for (int week = 0; week < 200; week++) {
            Money rate = new Money(BigDecimal.valueOf(random.nextLong(1, 50_000), 2), "USD");
            List<Instant> cells = new ArrayList<>();
            for (int slot = 0; slot < 1_008; slot++) {
                if (random.nextInt(5) == 0) {
                    cells.add(monday.plusSeconds(600L * slot));
                }
            }
            Money total = HourlyBilling.dailyLines(cells, rate).stream().map(InvoiceLine::amount)
                    .reduce(Money.zero("USD"), Money::plus);
            assertThat(total).as("week %d at %s", week, rate).isEqualTo(HourlyBilling.amountFor(rate, cells.size()));
        }
    }
}
