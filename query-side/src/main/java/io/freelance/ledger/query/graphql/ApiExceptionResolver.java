package io.freelance.ledger.query.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Every exception a query or mutation throws becomes a classified GraphQL error with
 * {@code extensions: {classification, field, rule}}. Unexpected failures are logged with an id the
 * caller can quote and reported without internals.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionResolver.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable thrown, DataFetchingEnvironment environment) {
        ClassifiedError error = ExceptionClassifier.classify(thrown).orElseGet(() -> unexpected(thrown, environment));
        return GraphqlErrorBuilder.newError(environment)
                .errorType(error.type())
                .message(error.message())
                .extensions(extensions(error))
                .build();
    }

    public static Map<String, Object> extensions(ClassifiedError error) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("classification", error.type().name());
        if (error.field() != null) {
            extensions.put("field", error.field());
        }
        if (error.rule() != null) {
            extensions.put("rule", error.rule());
        }
        return extensions;
    }

    private static ClassifiedError unexpected(Throwable thrown, DataFetchingEnvironment environment) {
        String errorId = UUID.randomUUID().toString();
        log.error("Unexpected failure {} in {}", errorId, environment.getExecutionStepInfo().getPath(), thrown);
        return new ClassifiedError(ApiErrorType.INTERNAL_ERROR, null, null,
                "Something went wrong on our side. Quote error " + errorId + " if you report it.");
    }
}
