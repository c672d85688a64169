package io.freelance.ledger.query.web;

import io.freelance.ledger.common.LedgerError;
import org.springframework.http.HttpStatus;

/**
 * A plain-HTTP request (a file upload or download) refused with nothing kept: the HTTP status and the
 * classified error (field, rule, sentence) the caller gets as JSON, shaped as GraphQL errors carry them in
 * {@code extensions}. Each endpoint's refusals extend it with their own named cases.
 */
public abstract class RefusedRequest extends RuntimeException {

    private final HttpStatus status;
    private final LedgerError error;

    protected RefusedRequest(HttpStatus status, LedgerError error) {
        // No stack trace: a refusal is an answer, not a failure to investigate.
        super(error.message(), null, false, false);
        this.status = status;
        this.error = error;
    }

    public HttpStatus status() {
        return status;
    }

    public LedgerError error() {
        return error;
    }
}
