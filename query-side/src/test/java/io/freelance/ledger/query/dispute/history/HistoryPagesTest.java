package io.freelance.ledger.query.dispute.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.contract.ContractDeclinedEvent;
import io.freelance.ledger.escrow.MilestoneDeletedEvent;
import io.freelance.ledger.escrow.MilestonesReorderedEvent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A contract's streams read from an event store and merged into pages: in time order across aggregates, with
 * ties settled by sequence number and aggregate id, filtered, and continued after a cursor.
 */
class HistoryPagesTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    private EmbeddedEventStore eventStore;
    private StoredEvents storedEvents;

    @BeforeEach
    void anEventStore() {
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        storedEvents = new StoredEvents(eventStore, GlobalPositions.UNKNOWN);
        // The contract's stream, and its escrow account's, interleaved in time; two events share T0+2s.
        append("Contract", "c1", 0, new ContractDeclinedEvent("c1", "first", T0), T0, new Actor("alice", Role.CLIENT));
        append("EscrowAccount", "escrow-c1", 0, new MilestoneDeletedEvent("escrow-c1", "c1", "m1"), T0.plusSeconds(1), Actor.SYSTEM);
        append("Contract", "c1", 1, new ContractDeclinedEvent("c1", "second", T0.plusSeconds(2)), T0.plusSeconds(2),
                new Actor("carol", Role.FREELANCER));
        append("EscrowAccount", "escrow-c1", 1, new MilestonesReorderedEvent("escrow-c1", "c1", List.of("m2")),
                T0.plusSeconds(2), new Actor("alice", Role.CLIENT));
        append("EscrowAccount", "escrow-c1", 2, new MilestoneDeletedEvent("escrow-c1", "c1", "m2"), T0.plusSeconds(3),
                new Actor("alice", Role.CLIENT));
    }

    @Test
    void streamsMergeInTimeOrderThenBySequenceNumberThenAggregate() {
        // At T0+2s both streams have an event with sequence number 1: the aggregate id settles it.
        List<StoredEvent> page = page(Optional.empty(), HistoryFilter.EVERYTHING, 10);

        assertThat(page).extracting(event -> event.message().getAggregateIdentifier() + "#" + event.message().getSequenceNumber())
                .containsExactly("c1#0", "escrow-c1#0", "c1#1", "escrow-c1#1", "escrow-c1#2");
    }

    @Test
    void aPageEndsWithOneMoreEventWhenAnotherPageFollowsAndTheNextStartsAfterTheCursor() {
        List<StoredEvent> first = page(Optional.empty(), HistoryFilter.EVERYTHING, 2);
        assertThat(first).hasSize(3);

        List<StoredEvent> second = page(Optional.of(first.get(1).position()), HistoryFilter.EVERYTHING, 2);

        assertThat(second).extracting(event -> event.message().getAggregateIdentifier() + "#" + event.message().getSequenceNumber())
                .containsExactly("c1#1", "escrow-c1#1", "escrow-c1#2");
    }

    @Test
    void filtersByTypeAndByTimeFromInclusiveToExclusive() {
        HistoryFilter deletions = HistoryFilter.of(new HistoryFilterInput(List.of("MilestoneDeletedEvent"), null, null));
        assertThat(page(Optional.empty(), deletions, 10)).extracting(StoredEvent::eventType)
                .containsExactly("MilestoneDeletedEvent", "MilestoneDeletedEvent");

        HistoryFilter window = HistoryFilter.of(new HistoryFilterInput(null, utc(T0.plusSeconds(1)), utc(T0.plusSeconds(3))));
        assertThat(page(Optional.empty(), window, 10)).extracting(StoredEvent::timestamp)
                .containsExactly(T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(2));
    }

    @Test
    void aFilterWhoseEndIsNotAfterItsStartIsRefusedNamingTheField() {
        assertThatThrownBy(() -> HistoryFilter.of(new HistoryFilterInput(null, utc(T0), utc(T0))))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> assertThat(violation.getMessage()).contains("filter.to"));
    }

    @Test
    void anEventShowsWhoActedAndWhatCausedIt() {
        HistoryEvent event = storedEvents.of("c1").findFirst().orElseThrow().toHistoryEvent();

        assertThat(event.eventType()).isEqualTo("ContractDeclinedEvent");
        assertThat(event.aggregateType()).isEqualTo("Contract");
        assertThat(event.actor()).isEqualTo(new HistoryActor("alice", Role.CLIENT));
        assertThat(event.correlationId()).isEqualTo("request-c1-0");
        assertThat(event.causationId()).isEqualTo("command-c1-0");
        assertThat(event.contractId()).isEqualTo("c1");
        assertThat(event.globalPosition()).isNull();
        assertThat(event.payload().path("reason").asString()).isEqualTo("first");
    }

    private List<StoredEvent> page(Optional<HistoryPosition> after, HistoryFilter filter, int size) {
        List<Stream<StoredEvent>> streams = List.of(storedEvents.of("c1"), storedEvents.of("escrow-c1"), storedEvents.of("none"));
        return HistoryPages.page(streams, after, filter, size);
    }

    /** As a command's unit of work records it: the actor, Axon's trace id (the request) and correlation id (the command). */
    private void append(String type, String aggregateId, long sequenceNumber, Object payload, Instant at, Actor actor) {
        Map<String, Object> metaData = new HashMap<>(actor.asMetaData());
        metaData.put(StoredEvent.ROOT_KEY, "request-" + aggregateId + "-" + sequenceNumber);
        metaData.put(StoredEvent.CAUSE_KEY, "command-" + aggregateId + "-" + sequenceNumber);
        eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId, sequenceNumber, payload, metaData,
                aggregateId + "-" + sequenceNumber, at));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
