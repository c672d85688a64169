package io.freelance.ledger.query.messaging;

/**
 * What a story mutation returns: the story and its room as they are after the change. {@code pending} is true
 * when the change was recorded but the read model did not show it within the wait.
 */
public record RoomStoryPayload(String roomId, String storyId, RoomStoryView story, RoomView room, boolean pending) {
}
