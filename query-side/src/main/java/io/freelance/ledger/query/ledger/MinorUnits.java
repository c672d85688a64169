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

    /**
     * Fails rather than rounds when the amount is finer than the currency allows. {@link Money} is always held
     * at its currency's scale, so for any currency with minor units the unscaled value is the answer, without a
     * currency lookup (an audit replay asks this for every leg of a million events); a currency without minor
     * units (scale below zero) is worked out the long way.
     */
    public static long of(Money money) {
        BigDecimal amount = money.amount();
        if (amount.scale() >= 0) {
            // Moving the point by the scale keeps a small amount's compact long: no BigInteger on the way.
            return amount.scaleByPowerOfTen(amount.scale()).longValueExact();
        }
        return amount.movePointRight(scaleOf(money.currency())).longValueExact();
    }

    public static Money toMoney(long minorUnits, String currency) {
        return new Money(BigDecimal.valueOf(minorUnits, scaleOf(currency)), currency);
    }

    private static int scaleOf(String currency) {
        return Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
    }
}
