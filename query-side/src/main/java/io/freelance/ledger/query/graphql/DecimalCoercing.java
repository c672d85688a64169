package io.freelance.ledger.query.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.RuleViolation;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The {@code Decimal} scalar: an exact decimal written as a JSON string ("105.00"), because
 * JavaScript clients parse JSON numbers into binary doubles and would lose cents. Input must be a
 * string written as {@link Money#readAmount} reads amounts, the one rule for amounts wherever they
 * enter; a refusal carries that rule's {@link RuleViolation} as its cause, so the error can name it.
 */
public final class DecimalCoercing implements Coercing<BigDecimal, String> {

    private static final String NOT_A_STRING =
            "A Decimal is written as a string such as \"105.00\", not as a JSON number or any other value.";

    @Override
    public String serialize(Object result, GraphQLContext context, Locale locale) {
        if (result instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        throw new CoercingSerializeException("Decimal cannot represent this value");
    }

    @Override
    public BigDecimal parseValue(Object input, GraphQLContext context, Locale locale) {
        if (!(input instanceof String text)) {
            throw new CoercingParseValueException(NOT_A_STRING, notAString());
        }
        try {
            return Money.readAmount("amount", text);
        } catch (RuleViolation refused) {
            throw new CoercingParseValueException(refused.getMessage(), refused);
        }
    }

    @Override
    public BigDecimal parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        if (!(input instanceof StringValue text)) {
            throw new CoercingParseLiteralException(NOT_A_STRING, notAString());
        }
        try {
            return Money.readAmount("amount", text.getValue());
        } catch (RuleViolation refused) {
            throw new CoercingParseLiteralException(refused.getMessage(), refused);
        }
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
        return StringValue.of(serialize(input, context, locale));
    }

    private static RuleViolation notAString() {
        return RuleViolation.badRequest("amount", Money.AMOUNT_FORMAT_RULE, NOT_A_STRING);
    }
}
