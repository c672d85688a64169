package io.freelance.ledger.diary;

import java.util.List;

/** A cell with what its week makes of it: overtime or billable, protected or the reasons it is not (in {@link UnprotectedReason} order). */
public record AssessedCell(DiaryCell cell, boolean overtime, List<UnprotectedReason> unprotectedReasons) {

    public AssessedCell {
        unprotectedReasons = List.copyOf(unprotectedReasons);
    }

    public boolean isProtected() {
        return unprotectedReasons.isEmpty();
    }

    /** Overtime is recorded and shown, never billed. */
    public boolean isBillable() {
        return !overtime;
    }
}
