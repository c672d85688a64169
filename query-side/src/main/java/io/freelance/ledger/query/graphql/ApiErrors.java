package io.freelance.ledger.query.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.freelance.ledger.common.ErrorCategory;
import io.freelance.ledger.common.LedgerError;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.graphql.execution.ErrorType;

/**
 * The errors the API answers. A refusal's {@link ErrorCategory}, the one classification the command side
 * and the API share, is its {@code extensions.classification} (graphql-java writes it there from the
 * error's type), beside the offending {@code field} and the broken {@code rule}. A failure that refuses
 * nothing, a bug or an outage, is Spring GraphQL's own {@link ErrorType#INTERNAL_ERROR}: it is no
 * category of refusal, and it is what Spring GraphQL answers itself for a failure nothing resolved.
 */
public final class ApiErrors {

    private static final Map<ErrorCategory, ErrorClassification> CLASSIFICATIONS = new EnumMap<>(ErrorCategory.class);

    static {
        for (ErrorCategory category : ErrorCategory.values()) {
            CLASSIFICATIONS.put(category, ErrorClassification.errorClassification(category.name()));
        }
    }

    private ApiErrors() {
    }

    /** {@code error} started with its place in the request (a field's path, a location in the document). */
    public static GraphQLError refusal(GraphqlErrorBuilder<?> error, LedgerError refusal) {
        return error.errorType(CLASSIFICATIONS.get(refusal.category()))
                .message(refusal.message())
                .extensions(fieldAndRule(refusal))
                .build();
    }

    /** A refusal of the whole request, which no place in it can be blamed for. */
    public static GraphQLError refusal(LedgerError refusal) {
        return refusal(GraphqlErrorBuilder.newError(), refusal);
    }

    /** Tells the caller nothing but the request id to quote; what went wrong is for the service's log. */
    public static GraphQLError internal(GraphqlErrorBuilder<?> error, String requestId) {
        return error.errorType(ErrorType.INTERNAL_ERROR)
                .message("Something went wrong on our side. Quote request " + requestId + " if you report this error.")
                .build();
    }

    /** Classified by this class (or by Spring GraphQL as internal); graphql-java's own errors are not. */
    public static boolean isClassified(GraphQLError error) {
        return CLASSIFICATIONS.containsValue(error.getErrorType()) || error.getErrorType() == ErrorType.INTERNAL_ERROR;
    }

    private static Map<String, Object> fieldAndRule(LedgerError refusal) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (refusal.field() != null) {
            extensions.put("field", refusal.field());
        }
        if (refusal.rule() != null) {
            extensions.put("rule", refusal.rule());
        }
        return extensions;
    }
}
