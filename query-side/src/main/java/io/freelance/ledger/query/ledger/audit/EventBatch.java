package io.freelance.ledger.query.ledger.audit;

import java.util.List;

/**
 * One batch of stored events read in index order: how many events it covered (of every type, for
 * progress) up to which global index, and the money movements among them.
 */
public record EventBatch(long lastIndex, int eventsRead, List<RecordedMovement> movements) {

    public EventBatch {
        movements = List.copyOf(movements);
    }
}
