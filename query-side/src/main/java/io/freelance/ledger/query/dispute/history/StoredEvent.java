package io.freelance.ledger.query.dispute.history;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * An event as the event store returned it, with its global position. Its type, time and place are read
 * without deserializing the payload; only the events a page shows are turned into {@link HistoryEvent}s.
 */
record StoredEvent(DomainEventMessage<?> message, long globalPosition) {

    /** Axon's {@code MessageOriginProvider} keys: the message that caused this one, and the root of the chain. */
    static final String CAUSE_KEY = "correlationId";
    static final String ROOT_KEY = "traceId";

    HistoryPosition position() {
        return new HistoryPosition(timestamp(), globalPosition, message.getSequenceNumber(), message.getAggregateIdentifier());
    }

    Instant timestamp() {
        return message.getTimestamp();
    }

    String eventType() {
        return message.getPayloadType().getSimpleName();
    }

    Optional<String> contractId() {
        return EventPayloads.contractIdOf(message.getPayload());
    }

    HistoryEvent toHistoryEvent() {
        Map<String, ?> metaData = message.getMetaData();
        return new HistoryEvent(message.getIdentifier(), eventType(), timestamp(), message.getType(),
                message.getAggregateIdentifier(), message.getSequenceNumber(),
                globalPosition == HistoryPosition.UNKNOWN ? null : globalPosition, actorOf(metaData),
                text(metaData.get(ROOT_KEY)), text(metaData.get(CAUSE_KEY)), contractId().orElse(null),
                EventPayloads.toJson(message.getPayload()));
    }

    /** Null where the metadata names no actor, or a role this service does not know. */
    private static HistoryActor actorOf(Map<String, ?> metaData) {
        Object userId = metaData.get(Actor.USER_ID_KEY);
        Object role = metaData.get(Actor.ROLE_KEY);
        if (userId == null || role == null) {
            return null;
        }
        try {
            return new HistoryActor(userId.toString(), Role.valueOf(role.toString()));
        } catch (IllegalArgumentException unknownRole) {
            return null;
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
