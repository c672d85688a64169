package io.freelance.ledger.query.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.schema.Coercing;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The extended-scalars {@code DateTime}, also serializing {@link Instant}s (as UTC), which is what
 * the events and read models hold; parsing is the extended scalar's unchanged.
 */
final class InstantAwareDateTimeCoercing implements Coercing<OffsetDateTime, String> {

    private final Coercing<OffsetDateTime, String> delegate;

    InstantAwareDateTimeCoercing(Coercing<OffsetDateTime, String> delegate) {
        this.delegate = delegate;
    }

    @Override
    public String serialize(Object result, GraphQLContext context, Locale locale) {
        Object value = result instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : result;
        return delegate.serialize(value, context, locale);
    }

    @Override
    public OffsetDateTime parseValue(Object input, GraphQLContext context, Locale locale) {
        return delegate.parseValue(input, context, locale);
    }

    @Override
    public OffsetDateTime parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        return delegate.parseLiteral(input, variables, context, locale);
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
        Object value = input instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : input;
        return delegate.valueToLiteral(value, context, locale);
    }
}
