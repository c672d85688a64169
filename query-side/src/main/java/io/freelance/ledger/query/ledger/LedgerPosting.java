package io.freelance.ledger.query.ledger;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.ledger.EntryCause;
import java.time.Instant;

/**
 * One line of an account statement: one leg of a journal entry, the balance it left and its number on the
 * statement. {@code recordedAt} is when the event carrying the entry was stored; null on postings written
 * before the ledger kept it.
 */
public record LedgerPosting(
        String entryId,
        Money amount,
        Money balanceAfter,
        Instant effectiveAt,
        Instant recordedAt,
        EntryCause cause,
        long number) {
}
