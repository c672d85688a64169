package io.freelance.ledger.escrow;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.MoneyMovement;
import java.time.Instant;

/**
 * The milestone's deposit is now held in escrow. {@code carriedOver} came from money already in
 * escrow (a partial approval's remainder); {@code chargedToClient} is the rest, on which the client
 * also paid {@code marketplaceFee}. {@code idempotencyId} stands for the caller's idempotency key;
 * events stored before it had that name carry it as {@code requestId}.
 */
public record MilestoneFundedEvent(
        String escrowAccountId,
        String contractId,
        String milestoneId,
        @JsonAlias("requestId") String idempotencyId,
        Money depositAmount,
        Money carriedOver,
        Money chargedToClient,
        Money marketplaceFee,
        JournalEntry journalEntry,
        Instant fundedAt) implements MoneyMovement {
}
