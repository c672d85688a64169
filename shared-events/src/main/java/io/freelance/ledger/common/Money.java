package io.freelance.ledger.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An exact amount in one ISO-4217 currency, always at the currency's scale (USD 5 is held as 5.00).
 * Arithmetic never mixes currencies and never rounds silently, except {@link #percent}, which rounds
 * half-up to the cent as the fee rules require.
 */
public record Money(BigDecimal amount, String currency) implements Comparable<Money> {

    /** The rule an amount written any other way than {@link #readAmount} accepts breaks. */
    public static final String AMOUNT_FORMAT_RULE = "amount.format";
    /** No real amount comes near it; longer text is refused before it is parsed. */
    public static final int AMOUNT_TEXT_MAX_LENGTH = 30;

    /**
     * How an amount is written wherever one enters the service: digits, then optionally a point and
     * one or two decimals, with a leading minus for a negative amount (refused later where it makes
     * no sense, with a rule that says so). No exponent, spaces or plus sign: "1e3" or " 10" is a
     * typing error or a probe, and reading it as 1000.00 or 10.00 would record what nobody wrote.
     */
    private static final Pattern AMOUNT_TEXT = Pattern.compile("-?[0-9]+(\\.[0-9]{1,2})?");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Za-z]{3}");

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

    /**
     * The amount written in {@code text}, refused with {@value #AMOUNT_FORMAT_RULE} unless it is
     * written as the service accepts amounts. The sentence names no field; {@code field} is where the
     * caller found the text.
     */
    public static BigDecimal readAmount(String field, String text) {
        if (text == null) {
            throw RuleViolation.badRequest(field, "amount.required", "An amount is required.");
        }
        if (text.length() > AMOUNT_TEXT_MAX_LENGTH) {
            throw RuleViolation.badRequest(field, AMOUNT_FORMAT_RULE, "An amount has at most %d characters; %d were given."
                    .formatted(AMOUNT_TEXT_MAX_LENGTH, text.length()));
        }
        if (!AMOUNT_TEXT.matcher(text).matches()) {
            throw RuleViolation.badRequest(field, AMOUNT_FORMAT_RULE, ("'%s' is not written as an amount: use digits with "
                    + "an optional point and one or two decimals, such as \"105.00\", without exponent, spaces or plus sign.")
                    .formatted(text));
        }
        return new BigDecimal(text);
    }

    public static Currency knownCurrency(String field, String currency) {
        if (currency == null || currency.isBlank()) {
            throw RuleViolation.badRequest(field, "currency.required", "A currency is required.");
        }
        if (!CURRENCY_CODE.matcher(currency).matches()) {
            // Not echoed: it could be long or hold anything.
            throw RuleViolation.badRequest(field, "currency.unknown",
                    "A currency is a three-letter ISO-4217 code such as USD.");
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
