package io.freelance.ledger.invoice;

import io.freelance.ledger.diary.UnprotectedReason;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One billed 10-minute cell as the week's diary stood when it was invoiced: manual or tracked, and protected
 * or the reasons it is not ({@link io.freelance.ledger.diary.CellProtection}). Fixed at issue, since the
 * week is locked then; a dispute over the cell is decided on it.
 */
public record InvoicedCell(Instant cellDateTime, boolean manual, List<UnprotectedReason> unprotectedReasons) {

    public InvoicedCell {
        Objects.requireNonNull(cellDateTime, "cellDateTime");
        unprotectedReasons = List.copyOf(unprotectedReasons);
    }

    /** Protected time is paid even when the client disputes it. */
    public boolean isProtected() {
        return unprotectedReasons.isEmpty();
    }
}
