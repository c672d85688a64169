package io.freelance.ledger.query.api;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The {@code Decimal} scalar: an exact decimal written as a JSON string ("105.00"), because
 * JavaScript clients parse JSON numbers into binary doubles and would lose cents. Input may be a
 * string or a number. Bounded to what a Decimal128 holds, so "1e999999999" cannot make the
 * server build a billion-digit number.
 */
public final class DecimalCoercing implements Coercing<BigDecimal, String> {

    static final int MAX_TEXT_LENGTH = 40;
    static final int MAX_PRECISION = 34;
    static final int MAX_SCALE_MAGNITUDE = 20;

    @Override
    public String serialize(Object result, GraphQLContext context, Locale locale) {
        if (result instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (result instanceof Integer || result instanceof Long || result instanceof String) {
            return parse(result.toString(), CoercingSerializeException::new).toPlainString();
        }
        throw new CoercingSerializeException("Decimal cannot represent " + describe(result));
    }

    @Override
    public BigDecimal parseValue(Object input, GraphQLContext context, Locale locale) {
        if (input instanceof BigDecimal decimal) {
            return bounded(decimal, CoercingParseValueException::new);
        }
        if (input instanceof String || input instanceof Integer || input instanceof Long || input instanceof java.math.BigInteger) {
            return parse(input.toString(), CoercingParseValueException::new);
        }
        if (input instanceof Double number && Double.isFinite(number)) {
            // The shortest text that reads back as this double: what the client wrote, e.g. 105.5.
            return parse(Double.toString(number), CoercingParseValueException::new);
        }
        throw new CoercingParseValueException("A Decimal is a string such as \"105.00\" or a number, not " + describe(input));
    }

    @Override
    public BigDecimal parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        if (input instanceof StringValue text) {
            return parse(text.getValue(), CoercingParseLiteralException::new);
        }
        if (input instanceof IntValue integer) {
            return bounded(new BigDecimal(integer.getValue()), CoercingParseLiteralException::new);
        }
        if (input instanceof FloatValue decimal) {
            return bounded(decimal.getValue(), CoercingParseLiteralException::new);
        }
        throw new CoercingParseLiteralException("A Decimal is a string such as \"105.00\" or a number");
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
        return StringValue.of(serialize(input, context, locale));
    }

    private static <E extends RuntimeException> BigDecimal parse(String text, java.util.function.Function<String, E> failure) {
        if (text.length() > MAX_TEXT_LENGTH) {
            throw failure.apply("A Decimal has at most " + MAX_TEXT_LENGTH + " characters");
        }
        try {
            return bounded(new BigDecimal(text.trim()), failure);
        } catch (NumberFormatException e) {
            throw failure.apply("'" + text + "' is not a decimal number");
        }
    }

    private static <E extends RuntimeException> BigDecimal bounded(BigDecimal value, java.util.function.Function<String, E> failure) {
        if (value.precision() > MAX_PRECISION || Math.abs(value.scale()) > MAX_SCALE_MAGNITUDE) {
            throw failure.apply("'" + value + "' has more digits than a Decimal holds");
        }
        return value;
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
