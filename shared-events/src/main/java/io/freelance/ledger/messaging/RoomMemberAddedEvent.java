package io.freelance.ledger.messaging;

import java.time.Instant;

public record RoomMemberAddedEvent(String roomId, String userId, RoomRole role, String addedBy, Instant addedAt) {
}
