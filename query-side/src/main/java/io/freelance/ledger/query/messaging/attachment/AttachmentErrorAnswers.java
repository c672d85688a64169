package io.freelance.ledger.query.messaging.attachment;

import io.freelance.ledger.common.LedgerError;
import io.freelance.ledger.common.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused uploads and downloads answer JSON shaped like the GraphQL errors' {@code extensions}, plus the sentence. */
@RestControllerAdvice(assignableTypes = AttachmentController.class)
class AttachmentErrorAnswers {

    record ErrorAnswer(String classification, String field, String rule, String message) {

        static ErrorAnswer of(LedgerError error) {
            return new ErrorAnswer(error.category().name(), error.field(), error.rule(), error.message());
        }
    }

    @ExceptionHandler(AttachmentRefusal.class)
    ResponseEntity<ErrorAnswer> refused(AttachmentRefusal refusal) {
        return ResponseEntity.status(refusal.status()).body(ErrorAnswer.of(refusal.error()));
    }

    /** A bad file name ({@code TextInput}'s rules), or a sign-in the ledger cannot act for, classified as over GraphQL. */
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
