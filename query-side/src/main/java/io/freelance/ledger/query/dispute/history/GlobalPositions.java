package io.freelance.ledger.query.dispute.history;

import java.util.Map;

/**
 * The event store's global position of each event of an aggregate, where the store tells it. Axon's
 * {@code readEvents} returns an aggregate's events without it; the embedded store keeps it in the same table.
 */
@FunctionalInterface
interface GlobalPositions {

    /** Axon Server's aggregate reads carry no global position: the history says so (null) rather than guess. */
    GlobalPositions UNKNOWN = aggregateId -> Map.of();

    /** Event id → global position, for the events of one aggregate. */
    Map<String, Long> byEventId(String aggregateId);
}
