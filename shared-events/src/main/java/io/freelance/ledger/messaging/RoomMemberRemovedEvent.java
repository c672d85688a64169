package io.freelance.ledger.messaging;

import java.time.Instant;

public record RoomMemberRemovedEvent(String roomId, String userId, String removedBy, Instant removedAt) {
}
