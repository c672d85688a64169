package io.freelance.ledger.query.ledger;

import org.axonframework.eventhandling.TrackingToken;

/**
 * Where an event sits in the event store's global order. The ledger records it on every journal entry:
 * the hash chain covers it, the chain's verifier reads the event back from there, and a retried event is
 * recognised by it. So it must be the event's own position, the same however and whenever the event is
 * delivered.
 */
public interface EventPositions {

    /** The global position of the event {@code eventId}, delivered with {@code token}. */
    long positionOf(String eventId, TrackingToken token);
}
