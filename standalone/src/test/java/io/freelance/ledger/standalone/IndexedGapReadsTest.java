package io.freelance.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.command.infrastructure.IndexedGapReadsEventStorageEngine;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A tracking token with gaps reads the same events, in the same order, as Axon's single query would:
 * the events filling its gaps first, then those after its index. (Why two queries: see the engine.)
 */
class IndexedGapReadsTest extends StandaloneTestBase {

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    TransactionManager transactionManager;

    @Test
    void eventsFillingGapsComeFirstThenTheNewerOnesInOrder() {
        assertThat(storageEngine).isInstanceOf(IndexedGapReadsEventStorageEngine.class);
        String run = UUID.randomUUID().toString();
        List<EventMessage<?>> events = IntStream.range(0, 6)
                .<EventMessage<?>>mapToObj(index -> GenericEventMessage.asEventMessage(run + "#" + index))
                .toList();
        transactionManager.executeInTransaction(() -> storageEngine.appendEvents(events));
        List<Long> indexes = globalIndexesOf(run, null, 100);
        assertThat(indexes).hasSize(6);

        // Seen up to the fourth event, with the first and third not yet seen (committed late).
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(indexes.get(3),
                new TreeSet<>(List.of(indexes.get(0), indexes.get(2))));

        assertThat(payloadsAfter(token, run, 100)).containsExactly(run + "#0", run + "#2", run + "#4", run + "#5");
    }

    @Test
    void aTokenWithoutGapsReadsOnlyWhatFollowsIt() {
        String run = UUID.randomUUID().toString();
        transactionManager.executeInTransaction(() -> storageEngine.appendEvents(
                GenericEventMessage.asEventMessage(run + "#0"), GenericEventMessage.asEventMessage(run + "#1")));
        List<Long> indexes = globalIndexesOf(run, null, 100);

        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(indexes.get(0), new TreeSet<>());

        assertThat(payloadsAfter(token, run, 100)).containsExactly(run + "#1");
    }

    private List<Long> globalIndexesOf(String run, GapAwareTrackingToken from, int atMost) {
        return ownEvents(from, run, atMost).stream()
                .map(event -> ((GapAwareTrackingToken) event.trackingToken()).getIndex())
                .toList();
    }

    private List<String> payloadsAfter(GapAwareTrackingToken token, String run, int atMost) {
        return ownEvents(token, run, atMost).stream().map(event -> (String) event.getPayload()).toList();
    }

    /** This test's events among whatever else the shared service stored. */
    private List<TrackedEventMessage<?>> ownEvents(GapAwareTrackingToken from, String run, int atMost) {
        try (var stream = storageEngine.readEvents(from, false)) {
            return stream.<TrackedEventMessage<?>>map(event -> event)
                    .filter(event -> String.class.equals(event.getPayloadType())
                            && ((String) event.getPayload()).startsWith(run + "#"))
                    .limit(atMost)
                    .toList();
        }
    }
}
