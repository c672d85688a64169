package io.freelance.ledger.query.diary.screenshot;

import io.freelance.ledger.query.web.RefusalAnswers;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused screenshot uploads and downloads answer classified JSON (see {@link RefusalAnswers}). */
@RestControllerAdvice(assignableTypes = ScreenshotController.class)
class ScreenshotErrorAnswers extends RefusalAnswers {
}
