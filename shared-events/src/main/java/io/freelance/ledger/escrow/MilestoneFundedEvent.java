package io.freelance.ledger.escrow;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.MoneyMovement;
import java.time.Instant;

/**
 * The milestone's deposit is now held in escrow. {@code carriedOver} came from money already in
 * escrow (a partial approval's remainder); {@code chargedToClient} is the rest, on which the client
 * also paid {@code marketplaceFee}.
 */
public record MilestoneFundedEvent(
        String escrowAccountId,
        String contractId,
        String milestoneId,
        String requestId,
        Money depositAmount,
        Money carriedOver,
        Money chargedToClient,
        Money marketplaceFee,
        JournalEntry journalEntry,
        Instant fundedAt) implements MoneyMovement {
}
