package io.freelance.ledger.query.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * What any query or mutation throws, as the API's error: a {@link Rejections refusal} with its
 * classification, field and rule; anything else as an internal error, logged with the request id.
 * <p>
 * One resolver rather than {@code @GraphQlExceptionHandler} methods: those answer inside the controller's
 * data fetcher, where Spring GraphQL's connection support turns a refused page of a non-null connection
 * into an empty page beside the error. Resolved here, after graphql-java has seen the exception, a
 * refused page is no page. First of the resolvers, so Spring Security's own (which names no rule) never
 * answers instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionResolver.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable thrown, DataFetchingEnvironment environment) {
        GraphqlErrorBuilder<?> error = GraphqlErrorBuilder.newError(environment);
        return Rejections.of(thrown)
                .map(refusal -> ApiErrors.refusal(error, refusal))
                .orElseGet(() -> unexpected(thrown, environment, error));
    }

    private static GraphQLError unexpected(Throwable thrown, DataFetchingEnvironment environment, GraphqlErrorBuilder<?> error) {
        String requestId = environment.getExecutionId().toString();
        log.error("Unexpected failure in request {} at {}", requestId, environment.getExecutionStepInfo().getPath(), thrown);
        return ApiErrors.internal(error, requestId);
    }
}
