package io.freelance.ledger.query.messaging;

import io.freelance.ledger.messaging.RoomRole;
import java.time.Instant;

/**
 * The schema's {@code RoomEvent}: one change of a room, numbered by the room's event {@code version}. Story kinds
 * carry the story as it reads after the change; read-position and member kinds carry whose it is ({@code userId}).
 * One type with a kind rather than a union: a frontend writes one selection set and a switch, with no fragments
 * per member type and no union configuration for its cache.
 */
public record RoomEvent(
        RoomEventKind kind,
        String roomId,
        long version,
        RoomStoryView story,
        String userId,
        Long readUpToSequence,
        RoomRole role,
        Instant occurredAt) {

    static RoomEvent story(RoomEventKind kind, long version, RoomStoryView story, Instant at) {
        return new RoomEvent(kind, story.roomId(), version, story, null, null, null, at);
    }

    static RoomEvent readPosition(String roomId, long version, String userId, long readUpToSequence, Instant at) {
        return new RoomEvent(RoomEventKind.READ_POSITION_CHANGED, roomId, version, null, userId, readUpToSequence, null,
                at);
    }

    static RoomEvent memberAdded(String roomId, long version, String userId, RoomRole role, Instant at) {
        return new RoomEvent(RoomEventKind.MEMBER_ADDED, roomId, version, null, userId, null, role, at);
    }

    static RoomEvent memberRemoved(String roomId, long version, String userId, Instant at) {
        return new RoomEvent(RoomEventKind.MEMBER_REMOVED, roomId, version, null, userId, null, null, at);
    }

    boolean adds(String memberId) {
        return kind == RoomEventKind.MEMBER_ADDED && memberId.equals(userId);
    }

    boolean removes(String memberId) {
        return kind == RoomEventKind.MEMBER_REMOVED && memberId.equals(userId);
    }
}
