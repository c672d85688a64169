package io.freelance.ledger.query.ledger.chain;

/**
 * The event a journal entry came from, as the event store knows it: its message id, its payload's
 * type (simple class name) and its global position. Part of every link's hash, so an entry cannot be
 * moved onto another event without breaking the chain.
 */
public record ChainedEvent(String eventId, String eventType, long position) {
}
