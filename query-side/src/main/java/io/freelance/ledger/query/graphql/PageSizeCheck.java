package io.freelance.ledger.query.graphql;

import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import org.springframework.stereotype.Component;

/**
 * Refuses a negative {@code first} like any other page size outside 1–{@value Pages#MAX_SIZE}
 * ({@code first}, {@code page.size}). Spring GraphQL's {@code ScrollSubrange} reads a negative count as
 * "not given", so without this check {@code first: -5} would quietly answer a default page.
 */
@Component
public class PageSizeCheck implements Instrumentation {

    private static final String PAGE_SIZE_ARGUMENT = "first";

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        // Plain property fetchers never page; only fields declaring `first` are wrapped.
        if (parameters.isTrivialDataFetcher()
                || parameters.getEnvironment().getFieldDefinition().getArgument(PAGE_SIZE_ARGUMENT) == null) {
            return dataFetcher;
        }
        return environment -> {
            if (environment.getArgument(PAGE_SIZE_ARGUMENT) instanceof Integer size && size < 1) {
                throw Pages.pageSizeRefused(size);
            }
            return dataFetcher.get(environment);
        };
    }
}
