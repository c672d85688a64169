package io.freelance.ledger.query.graphql;

import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import java.time.OffsetDateTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The schema's custom scalars: {@code DateTime} and {@code Date} (extended scalars; dates parsed strictly),
 * {@code Decimal}, and for the event history {@code Long} (global positions outgrow an {@code Int}) and
 * {@code JSON} (an event's payload as stored, whatever its type).
 */
@Configuration(proxyBeanMethods = false)
public class ScalarConfiguration {

    public static final GraphQLScalarType DECIMAL = GraphQLScalarType.newScalar()
            .name("Decimal")
            .description("An exact decimal number, serialized as a string such as \"105.00\".")
            .coercing(new DecimalCoercing())
            .build();

    @SuppressWarnings("unchecked")
    public static final GraphQLScalarType DATE_TIME = ExtendedScalars.DateTime.transform(builder -> builder.coercing(
            new InstantAwareDateTimeCoercing((Coercing<OffsetDateTime, String>) ExtendedScalars.DateTime.getCoercing())));

    public static final GraphQLScalarType DATE = ExtendedScalars.Date.transform(builder -> builder.coercing(
            new CalendarDateCoercing(ExtendedScalars.Date.getCoercing())));

    public static final GraphQLScalarType LONG = ExtendedScalars.GraphQLLong;

    public static final GraphQLScalarType JSON = ExtendedScalars.Json;

    @Bean
    public RuntimeWiringConfigurer ledgerScalars() {
        return wiring -> wiring.scalar(DATE_TIME).scalar(DATE).scalar(DECIMAL).scalar(LONG).scalar(JSON);
    }
}
