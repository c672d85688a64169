package io.freelance.ledger.query.api;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.InputMapDefinesTooManyFieldsException;
import graphql.execution.NonNullableValueCoercedAsNullException;
import graphql.parser.Parser;
import graphql.schema.CoercingParseValueException;
import io.freelance.ledger.query.api.VariableProblemFinder.VariableProblem;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * graphql-java reports a malformed document or a variable of the wrong type (say a Decimal that
 * is not a number) as {@code ValidationError} or {@code InvalidSyntax}; callers get them as
 * BAD_REQUEST like every other input error. A refused variable value names no field in
 * graphql-java's error, so {@link VariableProblemFinder} finds which one it was and the error
 * names it, with a sentence about it; anything it cannot pin down keeps graphql-java's message
 * and no field.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class RequestErrorInterceptor implements WebGraphQlInterceptor {

    static final String RULE = "graphql.request";

    private static final Logger log = LoggerFactory.getLogger(RequestErrorInterceptor.class);

    private final GraphQlSource graphQlSource;

    public RequestErrorInterceptor(GraphQlSource graphQlSource) {
        this.graphQlSource = graphQlSource;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> classifyRequestErrors(request, response));
    }

    private WebGraphQlResponse classifyRequestErrors(WebGraphQlRequest request, WebGraphQlResponse response) {
        List<GraphQLError> errors = response.getExecutionResult().getErrors();
        if (errors.stream().noneMatch(RequestErrorInterceptor::isRequestError)) {
            return response;
        }
        List<GraphQLError> classified = errors.stream()
                .map(error -> isRequestError(error) ? asBadRequest(error, variableProblem(request, error)) : error)
                .toList();
        return response.transform(builder -> builder.errors(classified));
    }

    private static boolean isRequestError(GraphQLError error) {
        return error.getErrorType() == ErrorType.ValidationError || error.getErrorType() == ErrorType.InvalidSyntax;
    }

    /** The errors graphql-java raises while coercing the variables, before anything runs. */
    private static boolean isVariableCoercionError(GraphQLError error) {
        return error instanceof NonNullableValueCoercedAsNullException || error instanceof CoercingParseValueException
                || error instanceof InputMapDefinesTooManyFieldsException;
    }

    private Optional<VariableProblem> variableProblem(WebGraphQlRequest request, GraphQLError error) {
        if (!isVariableCoercionError(error)) {
            return Optional.empty();
        }
        try {
            return VariableProblemFinder.find(graphQlSource.schema(), Parser.parse(request.getDocument()),
                    request.getOperationName(), request.getVariables());
        } catch (RuntimeException unexpected) {
            // Naming the field is a courtesy: without it the caller still gets graphql-java's refusal.
            log.warn("Could not tell which variable was refused in \"{}\"", error.getMessage(), unexpected);
            return Optional.empty();
        }
    }

    private static GraphQLError asBadRequest(GraphQLError error, Optional<VariableProblem> problem) {
        String message = problem.map(VariableProblem::message).orElse(error.getMessage());
        ClassifiedError classified = new ClassifiedError(ApiErrorType.BAD_REQUEST,
                problem.map(VariableProblem::field).orElse(null), RULE, message);
        return GraphqlErrorBuilder.newError()
                .message(message)
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(ApiErrorType.BAD_REQUEST)
                .extensions(ApiExceptionResolver.extensions(classified))
                .build();
    }
}
