package io.freelance.ledger.messaging;

import java.time.Instant;

public record RoomStoryRemovedEvent(String roomId, String storyId, long sequence, String removedBy, Instant removedAt) {
}
