package io.freelance.ledger.messaging;

import java.time.Instant;

public record RoomStoryEditedEvent(
        String roomId, String storyId, long sequence, String text, String editedBy, Instant editedAt) {
}
