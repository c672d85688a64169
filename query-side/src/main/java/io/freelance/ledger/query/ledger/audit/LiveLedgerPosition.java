package io.freelance.ledger.query.ledger.audit;

import io.freelance.ledger.query.ledger.LedgerProjection;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** How far the live ledger projection has applied the event stream, and a wait for it to reach an index. */
@Component
public class LiveLedgerPosition {

    private static final long POLL_MILLIS = 100;

    private final ObjectProvider<EventProcessingConfiguration> eventProcessing;

    public LiveLedgerPosition(ObjectProvider<EventProcessingConfiguration> eventProcessing) {
        this.eventProcessing = eventProcessing;
    }

    /**
     * True once the projection in this process has applied every event up to {@code index}; false after the
     * timeout, or at once when the projection does not run in this process (the audit then compares what
     * the read store holds, and says so).
     */
    public boolean awaitIndex(long index, Duration timeout) {
        Optional<StreamingEventProcessor> processor = processor();
        if (processor.isEmpty()) {
            return false;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            OptionalLong position = position(processor.get());
            if (position.isPresent() && position.getAsLong() >= index) {
                return true;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private Optional<StreamingEventProcessor> processor() {
        EventProcessingConfiguration configuration = eventProcessing.getIfAvailable();
        if (configuration == null) {
            return Optional.empty();
        }
        return configuration.eventProcessor(LedgerProjection.PROCESSING_GROUP, StreamingEventProcessor.class);
    }

    /** The lowest position over the segments this process runs; empty while it runs none. */
    private static OptionalLong position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .map(position -> position.orElse(-1))
                .mapToLong(Long::longValue)
                .min();
    }
}
