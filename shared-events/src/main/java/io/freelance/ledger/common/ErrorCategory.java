package io.freelance.ledger.common;

/** How a rejected request is classified for callers; the GraphQL layer reports it in {@code extensions.classification}. */
public enum ErrorCategory {
    BAD_REQUEST,
    UNAUTHORIZED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT
}
