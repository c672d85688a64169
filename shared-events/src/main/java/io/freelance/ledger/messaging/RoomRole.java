package io.freelance.ledger.messaging;

/** What a member may do in a room: the owner and admins manage members, topic and archiving; members talk. */
public enum RoomRole {
    OWNER,
    ADMIN,
    MEMBER;

    public boolean managesRoom() {
        return this != MEMBER;
    }
}
