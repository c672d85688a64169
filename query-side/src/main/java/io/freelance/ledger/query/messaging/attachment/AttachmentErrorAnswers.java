package io.freelance.ledger.query.messaging.attachment;

import io.freelance.ledger.query.web.RefusalAnswers;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused attachment uploads and downloads answer classified JSON (see {@link RefusalAnswers}). */
@RestControllerAdvice(assignableTypes = AttachmentController.class)
class AttachmentErrorAnswers extends RefusalAnswers {
}
