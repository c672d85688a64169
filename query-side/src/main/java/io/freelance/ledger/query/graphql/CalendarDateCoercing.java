package io.freelance.ledger.query.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import io.freelance.ledger.common.RuleViolation;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The extended-scalars {@code Date}, parsing strictly. The extended scalar reads dates with a
 * {@code yyyy-MM-dd} pattern in Java's default "smart" resolver style, which moves 2027-02-30 to
 * 2027-02-28 without a word: a due date nobody chose. Here a date must exist in the calendar.
 * A refusal carries a {@link RuleViolation} with the rule {@value #RULE} as its cause; the error
 * names the rule after the field ({@code dueDate.invalid}). Output is the extended scalar's.
 */
final class CalendarDateCoercing implements Coercing<LocalDate, String> {

    static final String RULE = "date.invalid";

    private static final DateTimeFormatter STRICT_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DATE_SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private final Coercing<?, ?> delegate;

    CalendarDateCoercing(Coercing<?, ?> delegate) {
        this.delegate = delegate;
    }

    @Override
    public String serialize(Object result, GraphQLContext context, Locale locale) {
        return String.valueOf(delegate.serialize(result, context, locale));
    }

    @Override
    public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
        if (input instanceof LocalDate date) {
            return date;
        }
        try {
            return parse(input);
        } catch (RuleViolation refused) {
            throw new CoercingParseValueException(refused.getMessage(), refused);
        }
    }

    @Override
    public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        try {
            return parse(input instanceof StringValue text ? text.getValue() : input);
        } catch (RuleViolation refused) {
            throw new CoercingParseLiteralException(refused.getMessage(), refused);
        }
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
        return delegate.valueToLiteral(input, context, locale);
    }

    private static LocalDate parse(Object input) {
        if (!(input instanceof String text) || !DATE_SHAPE.matcher(text).matches()) {
            throw RuleViolation.badRequest("date", RULE,
                    "A date is written as a string YYYY-MM-DD, such as \"2027-02-28\".");
        }
        try {
            return LocalDate.parse(text, STRICT_DATE);
        } catch (DateTimeException notInTheCalendar) {
            throw RuleViolation.badRequest("date", RULE,
                    "%s is not a day in the calendar; give a date that exists, such as \"2027-02-28\".".formatted(text));
        }
    }
}
