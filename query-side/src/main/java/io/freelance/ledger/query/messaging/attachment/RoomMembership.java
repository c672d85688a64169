package io.freelance.ledger.query.messaging.attachment;

/**
 * Who belongs to a room, as the messaging read model knows it: room members may download the files posted in
 * their room. The messaging slice provides the implementation; without one, nobody is a member of any room and
 * only uploaders download their files.
 */
@FunctionalInterface
public interface RoomMembership {

    RoomMembership NOBODY = (roomId, userId) -> false;

    boolean isMember(String roomId, String userId);
}
