package io.freelance.ledger.messaging;

import java.time.Instant;

public record RoomTopicChangedEvent(String roomId, String topic, String changedBy, Instant changedAt) {
}
