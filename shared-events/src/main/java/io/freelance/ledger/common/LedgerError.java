package io.freelance.ledger.common;

/**
 * A rejection that a person can act on: which field broke which rule, and a sentence saying so.
 * It is a record so that it crosses process boundaries (Axon Server) as command-failure details.
 */
public record LedgerError(ErrorCategory category, String field, String rule, String message) {

    public static LedgerError badRequest(String field, String rule, String message) {
        return new LedgerError(ErrorCategory.BAD_REQUEST, field, rule, message);
    }

    public static LedgerError conflict(String field, String rule, String message) {
        return new LedgerError(ErrorCategory.CONFLICT, field, rule, message);
    }

    public static LedgerError forbidden(String field, String rule, String message) {
        return new LedgerError(ErrorCategory.FORBIDDEN, field, rule, message);
    }

    public static LedgerError notFound(String field, String rule, String message) {
        return new LedgerError(ErrorCategory.NOT_FOUND, field, rule, message);
    }
}
