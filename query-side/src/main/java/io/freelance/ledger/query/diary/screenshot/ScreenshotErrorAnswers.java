package io.freelance.ledger.query.diary.screenshot;

import io.freelance.ledger.common.LedgerError;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused uploads and downloads answer JSON shaped like the GraphQL errors' {@code extensions}, plus the sentence. */
@RestControllerAdvice(assignableTypes = ScreenshotController.class)
class ScreenshotErrorAnswers {

    record ErrorAnswer(String classification, String field, String rule, String message) {

        static ErrorAnswer of(LedgerError error) {
            return new ErrorAnswer(error.category().name(), error.field(), error.rule(), error.message());
        }
    }

    @ExceptionHandler(ScreenshotRefusal.class)
    ResponseEntity<ErrorAnswer> refused(ScreenshotRefusal refusal) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(refusal.status());
        if (refusal.status().is5xxServerError()) {
            answer.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return answer.body(ErrorAnswer.of(refusal.error()));
    }
}
