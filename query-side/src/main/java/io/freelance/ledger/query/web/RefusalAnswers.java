package io.freelance.ledger.query.web;

import io.freelance.ledger.common.LedgerError;
import io.freelance.ledger.common.RuleViolation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Refused plain-HTTP requests answer JSON shaped like the GraphQL errors' {@code extensions}, plus the sentence.
 * Each endpoint extends it in a {@code @RestControllerAdvice} limited to its own controller, so other endpoints
 * keep Spring's answers.
 */
public abstract class RefusalAnswers {

    public record ErrorAnswer(String classification, String field, String rule, String message) {

        static ErrorAnswer of(LedgerError error) {
            return new ErrorAnswer(error.category().name(), error.field(), error.rule(), error.message());
        }
    }

    @ExceptionHandler(RefusedRequest.class)
    ResponseEntity<ErrorAnswer> refused(RefusedRequest refusal) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(refusal.status());
        if (refusal.status().is5xxServerError()) {
            answer.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return answer.body(ErrorAnswer.of(refusal.error()));
    }

    /** Bad text ({@code TextInput}'s rules), or a sign-in the ledger cannot act for, classified as over GraphQL. */
    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ErrorAnswer> refused(RuleViolation violation) {
        LedgerError error = violation.error();
        HttpStatus status = switch (error.category()) {
            case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            default -> HttpStatus.BAD_REQUEST;
        };
        return ResponseEntity.status(status).body(ErrorAnswer.of(error));
    }
}
