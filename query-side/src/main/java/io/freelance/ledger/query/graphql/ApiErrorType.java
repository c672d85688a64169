package io.freelance.ledger.query.graphql;

import graphql.ErrorClassification;
import io.freelance.ledger.common.ErrorCategory;

/** The {@code extensions.classification} of every error the API returns. */
public enum ApiErrorType implements ErrorClassification {
    BAD_REQUEST,
    UNAUTHORIZED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    INTERNAL_ERROR;

    public static ApiErrorType of(ErrorCategory category) {
        return valueOf(category.name());
    }
}
