package io.freelance.ledger.standalone.benchmark;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;

/** One event as the event store would hand it to a tracking processor: its aggregate's sequence and its global position. */
record SyntheticEvent(String aggregateType, String aggregateId, long sequenceNumber, long globalPosition, Object payload) {

    EventMessage<?> toTrackedMessage() {
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(globalPosition),
                new GenericDomainEventMessage<>(aggregateType, aggregateId, sequenceNumber, payload));
    }
}
