package io.freelance.ledger.query.ledger.audit;

import io.freelance.ledger.ledger.MoneyMovement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * Reads any Axon event store (Axon Server, JPA, JDBC) through its message stream. Payloads are
 * deserialized only for money movements: the payload type is known without deserializing. The
 * standalone mode replaces this with a batched SQL read of the event table, which is several times faster.
 */
public class StreamingAuditEventSource implements AuditEventSource {

    private static final int NEXT_EVENT_WAIT_MILLIS = 2_000;

    private final Supplier<? extends StreamableMessageSource<TrackedEventMessage<?>>> eventStore;

    /** The store is looked up when first read, so a read model without one (a test of the API alone) still starts. */
    public StreamingAuditEventSource(Supplier<? extends StreamableMessageSource<TrackedEventMessage<?>>> eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public long headIndex() {
        TrackingToken head = eventStore.get().createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    @Override
    public void read(long afterIndex, long upToIndex, int batchSize, Consumer<EventBatch> batches) {
        if (upToIndex <= afterIndex) {
            return;
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.get().openStream(tokenAfter(afterIndex))) {
            List<RecordedMovement> movements = new ArrayList<>();
            int events = 0;
            long lastIndex = afterIndex;
            // A private stream fetches behind the head in the background: wait a little for each next event,
            // and stop at the last index asked for rather than at the first pause.
            while (lastIndex < upToIndex && stream.hasNextAvailable(NEXT_EVENT_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                TrackedEventMessage<?> message = stream.nextAvailable();
                long index = message.trackingToken().position().orElse(lastIndex + 1);
                if (index > upToIndex) {
                    break;
                }
                if (index <= afterIndex) {
                    continue;
                }
                lastIndex = index;
                events++;
                if (MoneyMovement.class.isAssignableFrom(message.getPayloadType())) {
                    MoneyMovement movement = (MoneyMovement) message.getPayload();
                    if (movement.journalEntry() != null) {
                        movements.add(new RecordedMovement(index, message.getTimestamp(),
                                message.getPayloadType().getSimpleName(), movement.journalEntry()));
                    }
                }
                if (events == batchSize) {
                    batches.accept(new EventBatch(lastIndex, events, movements));
                    movements.clear();
                    events = 0;
                }
            }
            if (events > 0) {
                batches.accept(new EventBatch(lastIndex, events, movements));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the event store", e);
        }
    }

    /** A token of the store's own kind just after {@code afterIndex}; from the start when the kind is unknown. */
    private TrackingToken tokenAfter(long afterIndex) {
        if (afterIndex < 0) {
            return null;
        }
        TrackingToken head = eventStore.get().createHeadToken();
        if (head instanceof GapAwareTrackingToken) {
            return GapAwareTrackingToken.newInstance(afterIndex, Set.of());
        }
        if (head instanceof GlobalSequenceTrackingToken) {
            return new GlobalSequenceTrackingToken(afterIndex);
        }
        return null;
    }
}
