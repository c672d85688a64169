package io.freelance.ledger.messaging;

import java.time.Instant;

public record RoomArchivedEvent(String roomId, String archivedBy, Instant archivedAt) {
}
