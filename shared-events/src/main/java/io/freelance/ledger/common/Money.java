package io.freelance.ledger.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount in one ISO-4217 currency, always at the currency's scale (USD 5 is held as 5.00).
 * Arithmetic never mixes currencies and never rounds silently, except {@link #percent}, which rounds
 * half-up to the cent as the fee rules require.
 */
public record Money(BigDecimal amount, String currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int scale = Currency.getInstance(currency).getDefaultFractionDigits();
        amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
    }

    /**
     * Parses user input, naming the offending field when the amount or currency is invalid.
     * Rejects unknown currencies and amounts more precise than the currency allows.
     */
    public static Money parse(String field, BigDecimal amount, String currency) {
        if (amount == null) {
            throw RuleViolation.badRequest(field + ".amount", "amount.required", "An amount is required.");
        }
        Currency known = knownCurrency(field + ".currency", currency);
        int scale = Math.max(known.getDefaultFractionDigits(), 0);
        if (amount.stripTrailingZeros().scale() > scale) {
            throw RuleViolation.badRequest(field + ".amount", "amount.precision",
                    "%s %s has more than %d decimal places, the most %s allows."
                            .formatted(amount.toPlainString(), currency, scale, currency));
        }
        return new Money(amount.setScale(scale, RoundingMode.UNNECESSARY), known.getCurrencyCode());
    }

    public static Currency knownCurrency(String field, String currency) {
        if (currency == null || currency.isBlank()) {
            throw RuleViolation.badRequest(field, "currency.required", "A currency is required.");
        }
        try {
            Currency known = Currency.getInstance(currency);
            if (known.getDefaultFractionDigits() < 0) {
                throw new IllegalArgumentException("not a money currency");
            }
            return known;
        } catch (IllegalArgumentException e) {
            throw RuleViolation.badRequest(field, "currency.unknown",
                    "'%s' is not an ISO-4217 currency code.".formatted(currency));
        }
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /** {@code percent}% of this amount, rounded half-up to the currency's scale. */
    public Money percent(BigDecimal percent) {
        int scale = Currency.getInstance(currency).getDefaultFractionDigits();
        BigDecimal share = amount.multiply(percent).divide(BigDecimal.valueOf(100), scale, RoundingMode.HALF_UP);
        return new Money(share, currency);
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean sameCurrencyAs(Money other) {
        return currency.equals(other.currency);
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!sameCurrencyAs(other)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
