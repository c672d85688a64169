package io.freelance.ledger.query.ledger;

import io.freelance.ledger.common.Money;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * Ledger amounts as whole minor units (cents for USD): exact, and summed by MongoDB's {@code $inc}
 * without rounding. A long holds 92 quadrillion dollars in cents, far beyond any balance here.
 */
public final class MinorUnits {

    private MinorUnits() {
    }

    /** Fails rather than rounds when the amount is finer than the currency allows. */
    public static long of(Money money) {
        return money.amount().movePointRight(scaleOf(money.currency())).longValueExact();
    }

    public static Money toMoney(long minorUnits, String currency) {
        return new Money(BigDecimal.valueOf(minorUnits, scaleOf(currency)), currency);
    }

    private static int scaleOf(String currency) {
        return Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
    }
}
