package io.freelance.ledger.query.dispute.history;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One page of a history merged from one or more aggregates' streams: the events after the cursor that pass
 * the filter, in {@link HistoryPosition} order, plus one more when another page follows.
 * <p>
 * Each stream is read only until it has given a page and one: within an aggregate, events are stamped in
 * sequence order (one writer at a time holds the aggregate), so no later event of that stream can come first
 * in the merge. The events before the cursor are still read, but their payloads are not deserialized.
 */
final class HistoryPages {

    private HistoryPages() {
    }

    static List<StoredEvent> page(Collection<Stream<StoredEvent>> streams, Optional<HistoryPosition> after,
                                  HistoryFilter filter, int size) {
        return streams.stream()
                .flatMap(stream -> stream
                        .filter(event -> after.isEmpty() || event.position().compareTo(after.get()) > 0)
                        .filter(filter::accepts)
                        .limit(size + 1L)
                        .toList()
                        .stream())
                .sorted(Comparator.comparing(StoredEvent::position))
                .limit(size + 1L)
                .toList();
    }
}
