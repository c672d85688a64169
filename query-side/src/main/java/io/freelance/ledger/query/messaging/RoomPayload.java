package io.freelance.ledger.query.messaging;

/**
 * What a room mutation returns: the room as it is after the change, null when the caller is no longer in it.
 * {@code pending} is true when the change was recorded but the read model did not show it within the wait.
 */
public record RoomPayload(String roomId, RoomView room, boolean pending) {
}
