package io.freelance.ledger.query.graphql;

import io.freelance.ledger.common.LedgerError;

/** What the caller learns about a failure: its class, the offending field and broken rule, and a sentence. */
public record ClassifiedError(ApiErrorType type, String field, String rule, String message) {

    public static ClassifiedError of(LedgerError error) {
        return new ClassifiedError(ApiErrorType.of(error.category()), error.field(), error.rule(), error.message());
    }
}
