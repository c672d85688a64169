package io.freelance.ledger.diary;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Monday 12:00 UTC after the week: the week's diary locks and is invoiced. {@code invoiceId} names the invoice
 * issued for it, or is null when the week had no billable time (no cells within the weekly limit, or an
 * amount that rounds to nothing): such a week issues no invoice.
 *
 * @param billableCells tracked and manual cells within the weekly limit
 * @param overtimeCells cells above the weekly limit: never billed
 */
public record WorkDiaryWeekLockedEvent(
        String workDiaryId,
        String contractId,
        LocalDate weekStart,
        int billableCells,
        int overtimeCells,
        String invoiceId,
        Instant lockedAt) {
}
