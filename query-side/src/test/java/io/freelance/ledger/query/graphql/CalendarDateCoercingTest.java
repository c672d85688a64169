package io.freelance.ledger.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import io.freelance.ledger.common.RuleViolation;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Date scalar takes only days that exist; the extended scalar alone would move 2027-02-30 to 2027-02-28. */
class CalendarDateCoercingTest {

    private final Coercing<?, ?> coercing = ScalarConfiguration.DATE.getCoercing();
    private final GraphQLContext context = GraphQLContext.getDefault();

    @Test
    void readsDaysOfTheCalendar() {
        assertThat(coercing.parseValue("2027-02-28", context, Locale.ROOT)).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(coercing.parseValue("2028-02-29", context, Locale.ROOT)).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(coercing.parseLiteral(StringValue.of("2027-12-31"), CoercedVariables.emptyVariables(), context, Locale.ROOT))
                .isEqualTo(LocalDate.of(2027, 12, 31));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2027-02-30", "2027-02-29", "2027-04-31", "2027-13-01", "2027-00-10", "2027-01-00"})
    void refusesDaysThatDoNotExist(String text) {
        assertThatThrownBy(() -> coercing.parseValue(text, context, Locale.ROOT))
                .isInstanceOf(CoercingParseValueException.class)
                .hasCauseInstanceOf(RuleViolation.class)
                .hasMessageContaining("not a day in the calendar");
        assertThatThrownBy(() -> coercing.parseLiteral(StringValue.of(text), CoercedVariables.emptyVariables(), context, Locale.ROOT))
                .isInstanceOf(CoercingParseLiteralException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"27-02-28", "2027-2-28", "2027/02/28", " 2027-02-28", "2027-02-28T00:00:00Z", "tomorrow"})
    void refusesOtherWaysOfWritingADate(String text) {
        assertThatThrownBy(() -> coercing.parseValue(text, context, Locale.ROOT))
                .isInstanceOf(CoercingParseValueException.class)
                .satisfies(refusal -> assertThat(((RuleViolation) refusal.getCause()).error().rule()).isEqualTo("date.invalid"));
    }

    @Test
    void writesDatesAsTheExtendedScalarDoes() {
        assertThat(coercing.serialize(LocalDate.of(2027, 3, 1), context, Locale.ROOT)).isEqualTo("2027-03-01");
    }
}
