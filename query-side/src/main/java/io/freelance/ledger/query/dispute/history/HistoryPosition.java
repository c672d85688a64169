package io.freelance.ledger.query.dispute.history;

import io.freelance.ledger.query.graphql.Pages;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * Where an event stands in a history, and the order histories are read in: by timestamp, then by the event
 * store's global position where it is known (it settles events stamped at the same instant, such as a
 * contract's acceptance and the escrow account it opens), then by sequence number and aggregate id, which
 * makes the order total. A page's cursor carries the position of its last event.
 *
 * @param globalPosition {@link #UNKNOWN} where the event store does not tell it
 */
record HistoryPosition(Instant timestamp, long globalPosition, long sequenceNumber, String aggregateId)
        implements Comparable<HistoryPosition> {

    static final long UNKNOWN = -1;

    private static final String AT = "at";
    private static final String GLOBAL_POSITION = "position";
    private static final String SEQUENCE_NUMBER = "sequence";
    private static final String AGGREGATE = "aggregate";
    private static final Comparator<HistoryPosition> ORDER = Comparator.comparing(HistoryPosition::timestamp)
            .thenComparingLong(HistoryPosition::globalPosition)
            .thenComparingLong(HistoryPosition::sequenceNumber)
            .thenComparing(HistoryPosition::aggregateId);

    @Override
    public int compareTo(HistoryPosition other) {
        return ORDER.compare(this, other);
    }

    Map<String, Object> cursorKeys() {
        return Map.of(AT, timestamp.toString(), GLOBAL_POSITION, globalPosition, SEQUENCE_NUMBER, sequenceNumber,
                AGGREGATE, aggregateId);
    }

    /** The position a cursor holds; a cursor of another list is refused as {@code cursor.invalid}. */
    static Optional<HistoryPosition> after(Optional<Map<String, Object>> cursorKeys) {
        return cursorKeys.map(keys -> new HistoryPosition(instant(Pages.text(keys, AT)), Pages.number(keys, GLOBAL_POSITION),
                Pages.number(keys, SEQUENCE_NUMBER), Pages.text(keys, AGGREGATE)));
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            throw Pages.invalidCursor();
        }
    }
}
