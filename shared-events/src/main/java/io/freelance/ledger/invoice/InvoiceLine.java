package io.freelance.ledger.invoice;

import io.freelance.ledger.common.Money;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The billed time of one UTC day of the week. The lines' amounts add up to the invoice's amount to the cent
 * ({@link HourlyBilling#dailyLines}).
 *
 * @param cells  billed 10-minute cells of the day
 * @param hours  {@code cells} in hours, to two decimals, for reading; amounts are computed from the cells
 */
public record InvoiceLine(LocalDate date, int cells, BigDecimal hours, Money hourlyRate, Money amount) {
}
