package io.freelance.ledger.query.api;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * graphql-java reports a malformed document or a variable of the wrong type (say a Decimal that
 * is not a number) as {@code ValidationError} or {@code InvalidSyntax}; callers get them as
 * BAD_REQUEST like every other input error.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class RequestErrorInterceptor implements WebGraphQlInterceptor {

    static final String RULE = "graphql.request";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(RequestErrorInterceptor::classifyRequestErrors);
    }

    private static WebGraphQlResponse classifyRequestErrors(WebGraphQlResponse response) {
        List<GraphQLError> errors = response.getExecutionResult().getErrors();
        if (errors.stream().noneMatch(RequestErrorInterceptor::isRequestError)) {
            return response;
        }
        List<GraphQLError> classified = errors.stream()
                .map(error -> isRequestError(error) ? asBadRequest(error) : error)
                .toList();
        return response.transform(builder -> builder.errors(classified));
    }

    private static boolean isRequestError(GraphQLError error) {
        return error.getErrorType() == ErrorType.ValidationError || error.getErrorType() == ErrorType.InvalidSyntax;
    }

    private static GraphQLError asBadRequest(GraphQLError error) {
        ClassifiedError classified = new ClassifiedError(ApiErrorType.BAD_REQUEST, null, RULE, error.getMessage());
        return GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(ApiErrorType.BAD_REQUEST)
                .extensions(ApiExceptionResolver.extensions(classified))
                .build();
    }
}
