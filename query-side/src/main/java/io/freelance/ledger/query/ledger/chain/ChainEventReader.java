package io.freelance.ledger.query.ledger.chain;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * Reads events by global position through Axon's storage engine, the way tracking processors read
 * them (with the same serializer and upcasters). Positions of one batch of chain links lie close
 * together (the applied order is nearly the position order), so one forward read from the lowest to
 * the highest covers a batch; payloads of events in between are never deserialized.
 */
public class ChainEventReader {

    /** How long a read from Axon Server waits for the next event before taking the store's end as reached. */
    private static final int STREAM_END_WAIT_MILLIS = 2_000;

    /** The events after a position (or from the first, given -1), in position order; closed by the reader. */
    private final LongFunction<Stream<? extends TrackedEventMessage<?>>> readAfter;

    private ChainEventReader(LongFunction<Stream<? extends TrackedEventMessage<?>>> readAfter) {
        this.readAfter = readAfter;
    }

    /** Through the storage engine of an embedded event store (the standalone's JPA one). */
    public static ChainEventReader of(EventStorageEngine engine) {
        return new ChainEventReader(position -> engine.readEvents(tokenAfter(engine, position), false));
    }

    /**
     * Through an event store whose engine is not a bean (Axon Server): its event stream, ended when no
     * further event comes within a short wait.
     */
    public static ChainEventReader of(StreamableMessageSource<TrackedEventMessage<?>> eventStore) {
        return new ChainEventReader(position -> {
            BlockingStream<TrackedEventMessage<?>> stream =
                    eventStore.openStream(position < 0 ? null : new GlobalSequenceTrackingToken(position));
            Iterator<TrackedEventMessage<?>> untilQuiet = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    try {
                        return stream.hasNextAvailable(STREAM_END_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }

                @Override
                public TrackedEventMessage<?> next() {
                    try {
                        return stream.nextAvailable();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("Interrupted while reading events", e);
                    }
                }
            };
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(untilQuiet, Spliterator.ORDERED), false)
                    .onClose(stream::close);
        });
    }

    /** The events at {@code positions}; a position without an event is absent from the answer. */
    public Map<Long, TrackedEventMessage<?>> atPositions(SortedSet<Long> positions) {
        Map<Long, TrackedEventMessage<?>> found = new HashMap<>();
        if (positions.isEmpty()) {
            return found;
        }
        long last = positions.last();
        try (Stream<? extends TrackedEventMessage<?>> events = readAfter.apply(positions.first() - 1)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
            while (iterator.hasNext() && found.size() < positions.size()) {
                TrackedEventMessage<?> event = iterator.next();
                long position = event.trackingToken().position().orElseThrow();
                if (position > last) {
                    break;
                }
                // An event that commits while this read goes on arrives after its higher neighbours, with the
                // highest position seen so far on its token: the first event read at a position is the one there.
                if (positions.contains(position)) {
                    found.putIfAbsent(position, event);
                }
            }
        }
        return found;
    }

    /**
     * The JPA and JDBC engines read from gap-aware tokens only; Axon Server's and the in-memory engine
     * from global sequence tokens. Null reads from the first event.
     */
    private static TrackingToken tokenAfter(EventStorageEngine engine, long position) {
        if (position < 0) {
            return null;
        }
        return engine instanceof BatchingEventStorageEngine
                ? GapAwareTrackingToken.newInstance(position, List.of())
                : new GlobalSequenceTrackingToken(position);
    }
}
