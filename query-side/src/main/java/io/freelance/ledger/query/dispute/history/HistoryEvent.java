package io.freelance.ledger.query.dispute.history;

import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * One event as the history shows it: what (type and payload), when, where (aggregate, sequence, global
 * position), who ({@link HistoryActor}) and why (correlation and causation ids).
 *
 * @param globalPosition the event store's position of the event, null where the store does not say
 * @param actor          null for events recorded before commands carried their actor
 * @param correlationId  what the whole chain of cause and effect shares: Axon's {@code traceId}, which is the
 *                       HTTP request's id for everything a mutation started
 * @param causationId    the message that directly caused this event: Axon's {@code correlationId}
 * @param contractId     the contract the event names, null where it names none
 */
public record HistoryEvent(
        String eventId,
        String eventType,
        Instant timestamp,
        String aggregateType,
        String aggregateId,
        long sequenceNumber,
        Long globalPosition,
        HistoryActor actor,
        String correlationId,
        String causationId,
        String contractId,
        ObjectNode payload) {

    HistoryEvent redacted(HistoryActor visibleActor, ObjectNode visiblePayload) {
        return new HistoryEvent(eventId, eventType, timestamp, aggregateType, aggregateId, sequenceNumber, globalPosition,
                visibleActor, correlationId, causationId, contractId, visiblePayload);
    }
}
