package io.freelance.ledger.query.ledger.audit;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.ledger.EntryCause;
import java.time.Instant;

/** One movement on an account in a statement period, in the order the event store holds them, and the balance it left. */
public record StatementLine(String entryId, long globalIndex, Instant recordedAt, Instant effectiveAt, EntryCause cause,
                           Money amount, Money balanceAfter) {
}
