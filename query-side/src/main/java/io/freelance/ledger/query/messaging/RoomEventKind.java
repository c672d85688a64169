package io.freelance.ledger.query.messaging;

/** What happened in a room, as the {@code roomEvents} subscription tells it. */
public enum RoomEventKind {
    STORY_CREATED,
    STORY_UPDATED,
    STORY_REMOVED,
    READ_POSITION_CHANGED,
    MEMBER_ADDED,
    MEMBER_REMOVED
}
