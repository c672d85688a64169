package io.freelance.ledger.query.ledger.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;

class ChainEventReaderTest {

    @Test
    void anEventCommittedDuringTheReadDoesNotTakeThePositionOfTheEventBeforeIt() {
        // Event 11 commits while the read goes on: it comes after 12, on a token whose position is 12.
        TrackedEventMessage<?> at10 = event("at-10", GapAwareTrackingToken.newInstance(10, List.of()));
        GapAwareTrackingToken after12 = GapAwareTrackingToken.newInstance(12, List.of(11L));
        TrackedEventMessage<?> at12 = event("at-12", after12);
        TrackedEventMessage<?> late11 = event("late-11", after12.advanceTo(11, 10_000));
        TrackedEventMessage<?> at14 = event("at-14", after12.advanceTo(11, 10_000).advanceTo(14, 10_000));
        EventStorageEngine engine = mock(EventStorageEngine.class);
        doReturn(Stream.of(at10, at12, late11, at14)).when(engine).readEvents(any(TrackingToken.class), eq(false));

        Map<Long, TrackedEventMessage<?>> found = ChainEventReader.of(engine).atPositions(new TreeSet<>(List.of(10L, 12L, 14L)));

        assertThat(found.get(10L).getPayload()).isEqualTo("at-10");
        assertThat(found.get(12L).getPayload()).isEqualTo("at-12");
        assertThat(found.get(14L).getPayload()).isEqualTo("at-14");
    }

    private static TrackedEventMessage<?> event(String payload, TrackingToken token) {
        return new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage(payload));
    }
}
