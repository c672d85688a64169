package io.freelance.ledger.query.dispute.history;

import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Reads aggregates' events through Axon's {@link EventStore}, which answers alike on the embedded store and
 * on Axon Server. Read from sequence number 0, never from a snapshot: the history is every event.
 */
@Component
class StoredEvents {

    private final EventStore eventStore;
    private final GlobalPositions globalPositions;

    StoredEvents(EventStore eventStore, GlobalPositions globalPositions) {
        this.eventStore = eventStore;
        this.globalPositions = globalPositions;
    }

    /** The aggregate's events in sequence order, read lazily in the store's batches; empty when it has none. */
    Stream<StoredEvent> of(String aggregateId) {
        Map<String, Long> positions = globalPositions.byEventId(aggregateId);
        return eventStore.readEvents(aggregateId, 0).asStream()
                .map(message -> new StoredEvent(message, positions.getOrDefault(message.getIdentifier(), HistoryPosition.UNKNOWN)));
    }
}
