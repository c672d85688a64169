package io.freelance.ledger.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import io.freelance.ledger.common.RuleViolation;
import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalCoercingTest {

    private final DecimalCoercing coercing = new DecimalCoercing();
    private final GraphQLContext context = GraphQLContext.getDefault();

    @Test
    void serializesAsAPlainStringKeepingTheScale() {
        assertThat(coercing.serialize(new BigDecimal("105.00"), context, Locale.ROOT)).isEqualTo("105.00");
        assertThat(coercing.serialize(new BigDecimal("1E+3"), context, Locale.ROOT)).isEqualTo("1000");
    }

    @Test
    void readsAmountsWrittenAsStrings() {
        assertThat(coercing.parseValue("0.10", context, Locale.ROOT)).isEqualTo(new BigDecimal("0.10"));
        assertThat(coercing.parseValue("-7", context, Locale.ROOT)).isEqualTo(new BigDecimal("-7"));
        assertThat(coercing.parseLiteral(StringValue.of("7.25"), CoercedVariables.emptyVariables(), context, Locale.ROOT))
                .isEqualTo(new BigDecimal("7.25"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e3", " 10", "+10", "ten", "1.234", "1e999999999"})
    void refusesAmountsWrittenAnyOtherWayWithTheAmountFormatRule(String text) {
        assertThatThrownBy(() -> coercing.parseValue(text, context, Locale.ROOT))
                .isInstanceOf(CoercingParseValueException.class)
                .hasCauseInstanceOf(RuleViolation.class)
                .satisfies(refusal -> assertThat(((RuleViolation) refusal.getCause()).error().rule()).isEqualTo("amount.format"));
    }

    @Test
    void refusesNumbersBecauseJsonNumbersLoseCents() {
        assertThatThrownBy(() -> coercing.parseValue(105, context, Locale.ROOT)).isInstanceOf(CoercingParseValueException.class);
        assertThatThrownBy(() -> coercing.parseValue(105.5d, context, Locale.ROOT)).isInstanceOf(CoercingParseValueException.class);
        assertThatThrownBy(() -> coercing.parseValue(true, context, Locale.ROOT)).isInstanceOf(CoercingParseValueException.class);
        assertThatThrownBy(() -> coercing.parseLiteral(IntValue.of(7), CoercedVariables.emptyVariables(), context, Locale.ROOT))
                .isInstanceOf(CoercingParseLiteralException.class);
        assertThatThrownBy(() -> coercing.parseLiteral(FloatValue.of(0.1), CoercedVariables.emptyVariables(), context, Locale.ROOT))
                .isInstanceOf(CoercingParseLiteralException.class);
    }
}
