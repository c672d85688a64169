package io.freelance.ledger.query.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DecimalCoercingTest {

    private final DecimalCoercing coercing = new DecimalCoercing();
    private final GraphQLContext context = GraphQLContext.getDefault();

    @Test
    void serializesAsAPlainStringKeepingTheScale() {
        assertThat(coercing.serialize(new BigDecimal("105.00"), context, Locale.ROOT)).isEqualTo("105.00");
        assertThat(coercing.serialize(new BigDecimal("1E+3"), context, Locale.ROOT)).isEqualTo("1000");
    }

    @Test
    void acceptsStringsAndNumbersAsInput() {
        assertThat(coercing.parseValue("0.10", context, Locale.ROOT)).isEqualTo(new BigDecimal("0.10"));
        assertThat(coercing.parseValue(105, context, Locale.ROOT)).isEqualTo(new BigDecimal("105"));
        assertThat(coercing.parseValue(105.5d, context, Locale.ROOT)).isEqualTo(new BigDecimal("105.5"));
        assertThat(coercing.parseLiteral(StringValue.of("7.25"), CoercedVariables.emptyVariables(), context, Locale.ROOT))
                .isEqualTo(new BigDecimal("7.25"));
        assertThat(coercing.parseLiteral(IntValue.of(7), CoercedVariables.emptyVariables(), context, Locale.ROOT))
                .isEqualTo(new BigDecimal("7"));
        assertThat(coercing.parseLiteral(FloatValue.of(0.1), CoercedVariables.emptyVariables(), context, Locale.ROOT))
                .isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void refusesWhatIsNotANumberOrTooLargeToHold() {
        assertThatThrownBy(() -> coercing.parseValue("ten", context, Locale.ROOT)).isInstanceOf(CoercingParseValueException.class);
        assertThatThrownBy(() -> coercing.parseValue("1e999999999", context, Locale.ROOT)).isInstanceOf(CoercingParseValueException.class);
        assertThatThrownBy(() -> coercing.parseValue(Double.NaN, context, Locale.ROOT)).isInstanceOf(CoercingParseValueException.class);
        assertThatThrownBy(() -> coercing.parseValue(true, context, Locale.ROOT)).isInstanceOf(CoercingParseValueException.class);
        assertThatThrownBy(() -> coercing.parseValue(BigInteger.TEN.pow(40), context, Locale.ROOT)).isInstanceOf(CoercingParseValueException.class);
        assertThatThrownBy(() -> coercing.parseLiteral(StringValue.of("1".repeat(41)), CoercedVariables.emptyVariables(), context, Locale.ROOT))
                .isInstanceOf(CoercingParseLiteralException.class);
    }
}
