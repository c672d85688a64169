package io.freelance.ledger.query.messaging;

import io.freelance.ledger.messaging.RoomRole;

/** The schema's {@code RoomMember}: a user in a room, their role there, and how far they have read. */
public record RoomMemberView(String userId, RoomRole role, long readUpToSequence) {

    RoomMemberView readUpTo(long sequence) {
        return new RoomMemberView(userId, role, Math.max(readUpToSequence, sequence));
    }
}
