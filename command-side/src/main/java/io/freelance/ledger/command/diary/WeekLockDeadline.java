package io.freelance.ledger.command.diary;

import java.time.Instant;

/**
 * Due on the Monday 12:00 UTC after the diary's week: the week locks and is invoiced. Set when the week
 * records its first cell.
 */
public record WeekLockDeadline(Instant dueAt) {

    public static final String NAME = "work-diary-week-lock";
}
