package io.freelance.ledger.query.ledger.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An event store in a list: money movements at given global indexes (indexes with no movement are other
 * events). It records the index ranges read, so a test can tell a bounded read from a full replay.
 */
final class ListedEvents implements AuditEventSource {

    private final List<RecordedMovement> movements = new ArrayList<>();
    private final List<long[]> rangesRead = new ArrayList<>();
    private long head = -1;

    void store(RecordedMovement movement) {
        movements.add(movement);
        head = Math.max(head, movement.globalIndex());
    }

    List<long[]> rangesRead() {
        return rangesRead;
    }

    @Override
    public long headIndex() {
        return head;
    }

    @Override
    public void read(long afterIndex, long upToIndex, int batchSize, Consumer<EventBatch> batches) {
        rangesRead.add(new long[] {afterIndex, upToIndex});
        List<RecordedMovement> inRange = movements.stream()
                .filter(movement -> movement.globalIndex() > afterIndex && movement.globalIndex() <= upToIndex)
                .sorted(java.util.Comparator.comparingLong(RecordedMovement::globalIndex))
                .toList();
        for (int from = 0; from < inRange.size(); from += batchSize) {
            List<RecordedMovement> batch = inRange.subList(from, Math.min(inRange.size(), from + batchSize));
            batches.accept(new EventBatch(batch.get(batch.size() - 1).globalIndex(), batch.size(), batch));
        }
    }
}
