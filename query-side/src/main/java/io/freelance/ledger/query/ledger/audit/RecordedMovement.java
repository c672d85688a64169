package io.freelance.ledger.query.ledger.audit;

import io.freelance.ledger.ledger.JournalEntry;
import java.time.Instant;

/**
 * A stored event that moved money, as the audit reads it: its global index in the event store, when it
 * was stored (the event's timestamp, the entry's recorded time), its type and its journal entry.
 */
public record RecordedMovement(long globalIndex, Instant recordedAt, String eventType, JournalEntry entry) {
}
