package io.freelance.ledger.messaging;

import java.time.Instant;

/** A member's read position moved forward to {@code readUpToSequence}; it never moves back. */
public record RoomReadMarkedEvent(String roomId, String userId, long readUpToSequence, Instant readAt) {
}
