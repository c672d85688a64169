package io.freelance.ledger.messaging;

/** A user in a room, with the role that says what they may do there. */
public record RoomMember(String userId, RoomRole role) {
}
